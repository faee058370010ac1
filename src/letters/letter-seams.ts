import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PanelGroup } from '../criteria/domain';
import { NeedsDirectory } from '../needs/needs-directory';
import { paymentSentence } from '../payments/domain/payment-wording';
import { ratesOf } from '../payments/payment-ledger';
import type { LetterFormat } from './domain/letter-formats';

/*
 * What the letter takes from the features beside it (issue 17): the payment terms (part 6)
 * and the member's preferred format (part 1). Both read in the letter's own transaction.
 */

/** The letter's paragraph about being paid: the tender's rates in words, as the member's payment page gives them. */
@Injectable()
export class LetterPaymentWording {
  async paragraphFor(em: EntityManager, tenderId: string, group: PanelGroup): Promise<string> {
    return (
      paymentSentence(await ratesOf(em, tenderId), group) ??
      'Your time on the panel is part of your work, so your employer pays for it.'
    );
  }
}

/** The format a member's letter is printed in when the team does not choose one: large print when their needs say so. */
@Injectable()
export class LetterFormatPreference {
  constructor(private readonly needs: NeedsDirectory) {}

  async preferredFormat(em: EntityManager, tenderId: string, panelMemberId: string): Promise<LetterFormat> {
    const recorded = (await this.needs.needsOf(em, tenderId, [panelMemberId])).get(panelMemberId);
    return recorded?.formats.includes('large_print') ? 'large-print' : 'standard';
  }
}
