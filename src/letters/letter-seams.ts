import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_PAYMENT_PARAGRAPH } from './domain/payment-wording';
import type { LetterFormat } from './domain/letter-formats';

/*
 * Two seams for the features built beside this one (issue 17). Each is an injectable with a
 * sensible default; the other feature replaces the provider in LettersModule at merge.
 * Both take the unit of work's `em`, so they read in the letter's own transaction.
 */

/** The letter's paragraph about being paid (issue 17 part 6, src/payments/ replaces it). */
@Injectable()
export class LetterPaymentWording {
  paragraphFor(_em: EntityManager, _tenderId: string, _panelMemberId: string): Promise<string> {
    return Promise.resolve(DEFAULT_PAYMENT_PARAGRAPH);
  }
}

/**
 * The format a member's letter is printed in when the team does not choose one (issue 17
 * part 1, src/needs/ replaces it: large print when the member's needs say so).
 */
@Injectable()
export class LetterFormatPreference {
  preferredFormat(_em: EntityManager, _tenderId: string, _panelMemberId: string): Promise<LetterFormat> {
    return Promise.resolve('standard');
  }
}
