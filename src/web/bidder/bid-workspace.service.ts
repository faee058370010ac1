import { Injectable } from '@nestjs/common';
import { BidReadingService } from '../../bids/bid-reading.service';
import type { BidDetailResponse } from '../../bids/dto/bid.response';
import { ClarificationsService } from '../../clarifications/clarifications.service';
import type { ClarificationResponse } from '../../clarifications/dto/clarification.response';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { CriteriaService } from '../../criteria/criteria.service';
import type { CriterionResponse } from '../../criteria/dto/criterion.response';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { TendersService } from '../../tenders/tenders.service';
import { HelpDirectory } from '../help-directory.service';
import type { LeafCriterion } from './bidder-view';

/** One tender as a bidder's pages need it: read through the services the API uses. */
export interface BidderTender {
  tender: TenderResponse;
  buyer: string | null;
  criteria: CriterionResponse[];
  leaves: (LeafCriterion & { id: string; category: string | null })[];
  now: Date;
  /** Bids are taken: published and before the deadline (server clock). */
  open: boolean;
  questionsOpen: boolean;
}

/**
 * Reads for the bidder's pages, each through the API's own services (TendersService,
 * CriteriaService, BidReadingService, ClarificationsService), so what a page shows is what
 * the API gives the same person.
 */
@Injectable()
export class BidWorkspace {
  constructor(
    private readonly tenders: TendersService,
    private readonly criteria: CriteriaService,
    private readonly bids: BidReadingService,
    private readonly clarifications: ClarificationsService,
    private readonly help: HelpDirectory,
    private readonly clock: Clock,
  ) {}

  async opportunities(caller: Caller): Promise<{ now: Date; rows: { tender: TenderResponse; open: boolean }[] }> {
    const now = this.clock.now();
    const all = await this.tenders.list(caller);
    const rows = all
      .filter((tender) => tender.publishedAt !== null)
      .map((tender) => ({ tender, open: tender.status === 'published' && new Date(tender.bidDeadline) > now }))
      .sort((a, b) => Number(b.open) - Number(a.open) || a.tender.bidDeadline.localeCompare(b.tender.bidDeadline));
    return { now, rows };
  }

  async tender(caller: Caller, tenderId: string): Promise<BidderTender> {
    const tender = await this.tenders.get(caller, tenderId);
    const criteria = await this.criteria.tree(caller, tenderId);
    const leaves: BidderTender['leaves'] = [];
    const walk = (nodes: CriterionResponse[]) => {
      for (const node of nodes) {
        if (node.kind === 'section') walk(node.children);
        else
          leaves.push({
            id: node.id,
            code: node.code,
            title: node.title,
            kind: node.kind as LeafCriterion['kind'],
            category: node.category,
            weight: node.weight,
            maxWords: node.maxWords,
            guidance: node.guidance,
            plainGuidance: node.plainGuidance,
            scoredBy: node.scoredBy,
          });
      }
    };
    walk(criteria);
    const now = this.clock.now();
    return {
      tender,
      buyer: await this.help.buyerOf(tenderId),
      criteria,
      leaves,
      now,
      open: tender.status === 'published' && now < new Date(tender.bidDeadline),
      questionsOpen: tender.status === 'published' && now < new Date(tender.clarificationDeadline),
    };
  }

  /** The organisation's live bid on the tender (the newest that is not withdrawn), or null. */
  async currentBid(caller: Caller, tenderId: string): Promise<BidDetailResponse | null> {
    const own = await this.bids.list(caller, tenderId);
    return [...own].reverse().find((bid) => bid.status !== 'withdrawn') ?? null;
  }

  clarificationLog(caller: Caller, tenderId: string): Promise<ClarificationResponse[]> {
    return this.clarifications.list(caller, tenderId);
  }
}
