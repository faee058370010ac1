import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { complianceKeysOf, submittedBidsOf } from '../bids/bid-directory';
import { passFailGatesOf } from '../criteria/criteria-directory';
import { Db } from '../database/db.service';
import { membersWhoStarted } from '../scoring/score-queries';
import { PanelMember } from './panel-member.entity';

/** What a tender waits for, in counts (never a score value): the team's "Your tenders" page. */
export interface TenderWork {
  panelMembers: number;
  /** Members with no score saved on any bid yet. */
  panelistsNotStarted: number;
  /** Bids under evaluation with at least one pass/fail gate not yet recorded. */
  bidsToCheckAgainstGates: number;
}

/**
 * Reads, for a set of tenders at once, how far their panels and compliance checks have
 * got: five statements whatever the number of tenders, bids and panelists. Who may see a
 * tender is decided by TenderAccess before these ids are passed in.
 */
@Injectable()
export class TenderWorkService {
  constructor(private readonly db: Db) {}

  /** `tenderIds`: tenders the caller's list already showed them (TendersService.list). */
  workOf(tenderIds: readonly string[]): Promise<Map<string, TenderWork>> {
    return this.db.read((em) => this.read(em, tenderIds));
  }

  private async read(em: EntityManager, tenderIds: readonly string[]): Promise<Map<string, TenderWork>> {
    const work = new Map<string, TenderWork>(
      tenderIds.map((id) => [id, { panelMembers: 0, panelistsNotStarted: 0, bidsToCheckAgainstGates: 0 }]),
    );
    if (tenderIds.length === 0) return work;
    const ids = [...tenderIds];
    const members = await em
      .getRepository(PanelMember)
      .find({ where: { tenderId: In(ids) }, select: { id: true, tenderId: true } });
    const startedIds = await membersWhoStarted(em, ids);
    for (const member of members) {
      const entry = work.get(member.tenderId)!;
      entry.panelMembers += 1;
      if (!startedIds.has(member.id)) entry.panelistsNotStarted += 1;
    }
    const gates = await passFailGatesOf(em, ids);
    if (gates.length === 0) return work;
    const bids = await submittedBidsOf(em, ids);
    const records = await complianceKeysOf(em, ids);
    const recorded = new Set(records.map((r) => `${r.bidId}|${r.criterionId}`));
    for (const bid of bids) {
      const open = gates.filter((gate) => gate.tenderId === bid.tenderId && !recorded.has(`${bid.id}|${gate.id}`));
      if (open.length > 0) work.get(bid.tenderId)!.bidsToCheckAgainstGates += 1;
    }
    return work;
  }
}
