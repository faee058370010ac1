import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { HelpDirectory } from '../help-directory.service';
import { afterAwardLink } from '../after-award/after-award-view';
import { tenderNavigation } from '../team/tender-navigation';

export type TenderSection = 'bids' | 'moderation' | 'results' | 'downloads' | 'audit' | 'after-award' | 'summaries';

/**
 * What every evaluation page shows around its content: the tender (through the API's own
 * GET /tenders/:id), the buyer in the header, and the tender's sub-navigation. The pages are
 * for the tender's team: anyone else gets the API's answer (404, or "You cannot see this page").
 */
@Injectable()
export class TenderFrame {
  constructor(
    private readonly tenders: TendersService,
    private readonly help: HelpDirectory,
  ) {}

  async load(res: Response, caller: Caller, tenderId: string, section: TenderSection): Promise<TenderResponse> {
    const tender = await this.tenders.get(caller, tenderId);
    if (tender.teamRole === null) throw new DomainError('forbidden', 'Only the tender team sees this page.');
    res.locals.organisationName = await this.help.buyerOf(tenderId);
    res.locals.tender = tender;
    res.locals.tenderSection = section;
    const afterAward = afterAwardLink(tender, section);
    res.locals.tenderNavigation = [...tenderNavigation(tender.id, section), ...(afterAward ? [afterAward] : [])];
    return tender;
  }
}
