import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { CriteriaService } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { entryScoreResponse } from './assisted-scoring.service';
import type { AssistedScoreResponse, ConfirmedEntriesResponse } from './dto/assisted-score.response';
import { assertSomethingToConfirm, changedByMemberSince, toConfirm } from './domain/assisted-rules';
import { confirmEntries, countWaiting, inTreeOrder, scoreEntriesOf } from './score-entry-queries';
import { leaves } from '../criteria/domain';
import { toFlat } from '../criteria/criteria.service';

/**
 * The member's side of assisted scoring: in their own session they see the scores entered
 * for them (who entered each, how) and confirm them, bid by bid. Confirming changes no
 * score; it is recorded on each entry and on the audit trail.
 */
@Injectable()
export class MemberConfirmationService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  /** The caller's scores entered on their behalf (not those they changed themselves since), bids they may see only. */
  async enteredForMe(caller: Caller, tenderId: string): Promise<AssistedScoreResponse[]> {
    return this.db.read(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      const conflicted = new Set(
        (await this.directory.declarations(em, tenderId, member.id)).filter((d) => d.conflict).map((d) => d.bidId),
      );
      const names = await this.directory.panelBidNames(em, tender);
      const record = await this.directory.recordNames(em, tenderId);
      const all = await this.criteria.all(em, tenderId);
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const treeOrder = leaves(all.map(toFlat)).map((c) => c.id);
      return inTreeOrder(await scoreEntriesOf(em, tenderId, { panelMemberId: member.id }), [...names.keys()], treeOrder)
        .filter((row) => !conflicted.has(row.bidId) && names.has(row.bidId) && !changedByMemberSince(row.savedAt, row.enteredAt))
        .map((row) =>
          entryScoreResponse(row, names.get(row.bidId)!, codes.get(row.criterionId) ?? '', record.get(member.id) ?? ''),
        );
    });
  }

  /** How many scores entered for the caller wait for their confirmation (the task list's prompt): one count. */
  async waitingCount(caller: Caller, tenderId: string): Promise<number> {
    return this.db.read(async (em) => {
      const { member } = await this.access.requirePanelMember(em, caller, tenderId);
      return countWaiting(em, tenderId, member.id);
    });
  }

  /** "These scores are mine": confirms every entry on the bid still waiting; 409 when none is. */
  async confirm(caller: Caller, tenderId: string, bidId: string): Promise<ConfirmedEntriesResponse> {
    return this.db.transaction(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      await this.access.requirePanelBid(em, tender, member.id, bidId);
      const all = await this.criteria.all(em, tenderId);
      const treeOrder = leaves(all.map(toFlat)).map((c) => c.id);
      const rows = inTreeOrder(await scoreEntriesOf(em, tenderId, { panelMemberId: member.id, bidId }), [bidId], treeOrder);
      const waiting = toConfirm(
        rows.map((row) => ({
          ...row,
          changedByMemberSince: changedByMemberSince(row.savedAt, row.enteredAt),
        })),
      );
      assertSomethingToConfirm(waiting.length);
      const now = this.clock.now();
      await confirmEntries(
        em,
        waiting.map((row) => row.id),
        now,
      );
      const codes = new Map(all.map((c) => [c.id, c.code]));
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'score_entry.confirmed',
        entityType: 'bid',
        entityId: bidId,
        tenderId,
        after: {
          panelMemberId: member.id,
          bidId,
          criteria: waiting.map((row) => codes.get(row.criterionId)),
          enteredBy: [...new Set(waiting.map((row) => row.enteredById))],
        },
      });
      return { bidId, confirmed: waiting.length, confirmedAt: now.toISOString() };
    });
  }
}
