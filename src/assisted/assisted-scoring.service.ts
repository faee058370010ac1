import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { leaves } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { PanelDirectory } from '../panel/panel-directory.service';
import type { PanelMember } from '../panel/panel-member.entity';
import { guidanceFor } from '../panel/domain/panel-rules';
import { ScoreResponse } from '../scoring/dto/score.response';
import {
  assertOnScale,
  assertScorableBy,
  assertScoringOpen,
  criteriaForGroup,
  normaliseRationale,
  planSubmission,
  scoringIsOpen,
} from '../scoring/domain/scoring-rules';
import { memberScores } from '../scoring/score-queries';
import { lockDrafts, writeDraft } from '../scoring/score-writes';
import type { Tender } from '../tenders/tender.entity';
import type { PanelBidAccess } from '../access/access-rules';
import type { AssistedScoreDto, AssistedSubmitDto } from './dto/assisted-score.dto';
import type { AssistedScoreResponse, AssistedSubmittedResponse } from './dto/assisted-score.response';
import {
  assertMayEnterFor,
  assertMemberMayScoreBid,
  changedByMemberSince,
  entryWords,
  type AssistedMember,
} from './domain/assisted-rules';
import { inTreeOrder, recordEntry, scoreEntriesOf, type ScoreEntryRow } from './score-entry-queries';

export interface AssistedWork {
  member: { id: string; nameOnRecord: string; contactName: string | null };
  scoringOpen: boolean;
  bids: { bidId: string; bid: string; access: PanelBidAccess; submitted: boolean }[];
  /** The member's criteria in tree order, with the guidance in their group's wording. */
  criteria: { id: string; code: string; title: string; guidance: string | null }[];
  entered: AssistedScoreResponse[];
}

interface Context {
  tender: Tender;
  member: PanelMember;
  assisted: AssistedMember;
}

/**
 * Assisted scoring (docs/PANEL.md, "Assisted scoring"): a member of the tender team enters
 * a lived-experience member's scores and reasons on their behalf, having confirmed the
 * member is there with them or that the scores come from the member's paper form. The
 * member's own rules apply (window, declarations, conflicts, their group's criteria, the
 * scale, drafts); each score records who entered it and how (`score_entries`), and the
 * audit row says so, in the same transaction.
 */
@Injectable()
export class AssistedScoringService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async save(
    caller: Caller,
    tenderId: string,
    memberId: string,
    bidId: string,
    criterionRef: string,
    dto: AssistedScoreDto,
  ): Promise<AssistedScoreResponse> {
    const rationale = normaliseRationale(dto.rationale);
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        const { tender, member, assisted } = await this.context(em, caller, tenderId, memberId);
        assertScoringOpen(tender, this.clock.now());
        const bid = await this.memberBid(em, tender, assisted, bidId);
        const criterion = await this.criteria.resolve(em, tenderId, criterionRef);
        assertScorableBy(criterion, member.group);
        assertOnScale(dto.score, { min: tender.scaleMin, max: tender.scaleMax });
        const bidName = await this.directory.panelBidNameOf(em, tender, bid);
        const now = this.clock.now();
        const { score, before } = await writeDraft(
          em,
          { tenderId, bidId, criterionId: criterion.id, criterionCode: criterion.code, panelMemberId: member.id },
          { score: dto.score, rationale },
          now,
        );
        await recordEntry(em, {
          id: newId(),
          individualScoreId: score.id,
          tenderId,
          enteredById: caller.id,
          method: dto.method,
          enteredAt: now,
        });
        const words = entryWords(
          { method: dto.method, confirmedByMemberAt: null, changedByMemberSince: false },
          caller.name,
          assisted.nameOnRecord,
        );
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'score.saved_for_member',
          entityType: 'individual_score',
          entityId: score.id,
          tenderId,
          sensitivity: 'score',
          before: before ? { score: before.score, rationale: before.rationale } : null,
          after: {
            panelMemberId: member.id,
            bidId,
            criterion: criterion.code,
            score: score.score,
            rationale: score.rationale,
            method: dto.method,
            enteredById: caller.id,
            words,
          },
        });
        return {
          ...ScoreResponse.from(score, bidName, criterion.code),
          member: assisted.nameOnRecord,
          entry: {
            method: dto.method,
            enteredById: caller.id,
            enteredBy: caller.name,
            enteredAt: now.toISOString(),
            confirmedByMemberAt: null,
            changedByMemberSince: false,
            words,
          },
        };
      }),
    );
  }

  /**
   * Submits (locks) the member's scores of a bid on their behalf, with the same
   * confirmation: with the member there, or from their paper form, whose scores are final.
   */
  async submit(
    caller: Caller,
    tenderId: string,
    memberId: string,
    bidId: string,
    dto: AssistedSubmitDto,
  ): Promise<AssistedSubmittedResponse> {
    return this.db.transaction(async (em) => {
      const { tender, member, assisted } = await this.context(em, caller, tenderId, memberId);
      assertScoringOpen(tender, this.clock.now());
      const bid = await this.memberBid(em, tender, assisted, bidId);
      const all = await this.criteria.all(em, tenderId);
      const ordered = criteriaForGroup(leaves(all.map(toFlat)), member.group);
      const scores = await memberScores(em, member.id, [bidId]);
      const byCriterion = new Map(scores.map((score) => [score.criterionId, score]));
      const { toSubmit } = planSubmission(ordered, byCriterion);
      const bidName = await this.directory.panelBidNameOf(em, tender, bid);
      const now = this.clock.now();
      await lockDrafts(
        em,
        toSubmit.map((criterionId) => byCriterion.get(criterionId)!.id),
        now,
      );
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const entries = new Map(
        (await scoreEntriesOf(em, tenderId, { panelMemberId: member.id, bidId })).map((e) => [e.individualScoreId, e]),
      );
      const locked = ordered.map((criterion) => {
        const score = byCriterion.get(criterion.id)!;
        return toSubmit.includes(criterion.id) ? { ...score, status: 'submitted' as const, submittedAt: now } : score;
      });
      const words =
        dto.method === 'present'
          ? `Submitted by ${caller.name} with ${assisted.nameOnRecord} present.`
          : `Submitted by ${caller.name} from ${assisted.nameOnRecord}'s paper form.`;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'score.submitted_for_member',
        entityType: 'bid',
        entityId: bidId,
        tenderId,
        sensitivity: 'score',
        after: {
          panelMemberId: member.id,
          bidId,
          method: dto.method,
          enteredById: caller.id,
          words,
          scores: locked.map((score) => ({
            criterion: codes.get(score.criterionId),
            score: score.score,
            rationale: score.rationale,
          })),
        },
      });
      return {
        bidId,
        bid: bidName,
        submittedAt: now.toISOString(),
        scores: locked.map((score) => ({
          ...ScoreResponse.from(score, bidName, codes.get(score.criterionId) ?? ''),
          member: assisted.nameOnRecord,
          entry: entryResponse(entries.get(score.id), assisted.nameOnRecord),
        })),
      };
    });
  }

  /**
   * The scores entered on the member's behalf (team), with who entered each and how. Only
   * those: a score the member gave in their own session stays unseen by the team until
   * moderation, as always.
   */
  async entered(caller: Caller, tenderId: string, memberId: string): Promise<AssistedScoreResponse[]> {
    return this.db.read(async (em) => {
      const { tender, assisted } = await this.context(em, caller, tenderId, memberId);
      const names = await this.directory.panelBidNames(em, tender);
      const all = await this.criteria.all(em, tenderId);
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const treeOrder = leaves(all.map(toFlat)).map((c) => c.id);
      const rows = inTreeOrder(await scoreEntriesOf(em, tenderId, { panelMemberId: memberId }), [...names.keys()], treeOrder);
      return rows
        .filter((row) => !changedByMemberSince(row.savedAt, row.enteredAt))
        .map((row) =>
          entryScoreResponse(row, names.get(row.bidId) ?? '', codes.get(row.criterionId) ?? '', assisted.nameOnRecord),
        );
    });
  }

  /**
   * What the assisted-scoring pages show: the member (name on the record, and the name the
   * team typed), their bids with whether scores can be entered on each, their criteria in
   * tree order, and the scores entered for them.
   */
  async workFor(caller: Caller, tenderId: string, memberId: string): Promise<AssistedWork> {
    return this.db.read(async (em) => {
      const { tender, member, assisted } = await this.context(em, caller, tenderId, memberId);
      const names = await this.directory.panelBidNames(em, tender);
      // The member's declarations read once: the same answer as `panelBidAccess` per bid.
      const panelBids = await this.access.panelBids(em, tender);
      const declared = new Map((await this.directory.declarations(em, tenderId, member.id)).map((d) => [d.bidId, d.conflict]));
      const allDeclared = panelBids.every((bid) => declared.has(bid.id));
      const bids = panelBids.map((bid) => ({
        bidId: bid.id,
        bid: names.get(bid.id) ?? bid.bidderName,
        access: accessOf(allDeclared, declared.get(bid.id)),
      }));
      const all = await this.criteria.all(em, tenderId);
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const criteria = criteriaForGroup(leaves(all.map(toFlat)), member.group).map((c) => ({
        id: c.id,
        code: c.code,
        title: c.title,
        guidance: guidanceFor(
          member.group,
          all.find((node) => node.id === c.id)!,
        ),
      }));
      const entered = inTreeOrder(
        await scoreEntriesOf(em, tenderId, { panelMemberId: memberId }),
        [...names.keys()],
        criteria.map((c) => c.id),
      )
        .filter((row) => !changedByMemberSince(row.savedAt, row.enteredAt))
        .map((row) =>
          entryScoreResponse(row, names.get(row.bidId) ?? '', codes.get(row.criterionId) ?? '', assisted.nameOnRecord),
        );
      const submittedBids = new Set(
        (await memberScores(em, member.id)).filter((s) => s.status === 'submitted').map((s) => s.bidId),
      );
      return {
        member: { id: member.id, nameOnRecord: assisted.nameOnRecord, contactName: member.contactName },
        scoringOpen: scoringIsOpen(tender, this.clock.now()),
        bids: bids.map((bid) => ({ ...bid, submitted: submittedBids.has(bid.bidId) })),
        criteria,
        entered,
      };
    });
  }

  /** The team's access, then the member: on this panel, lived experience, and the caller not a panelist here. */
  private async context(em: EntityManager, caller: Caller, tenderId: string, memberId: string): Promise<Context> {
    const { tender, relation } = await this.access.require(em, caller, tenderId, 'team');
    const members = await this.directory.members(em, tenderId);
    const member = members.find((candidate) => candidate.id === memberId);
    if (!member) throw new DomainError('not_found', 'Panel member not found.');
    const assisted = { id: member.id, group: member.group, nameOnRecord: this.directory.namesOnRecord(members).get(member.id)! };
    const own = relation.panelMemberId ? members.find((candidate) => candidate.id === relation.panelMemberId) : undefined;
    assertMayEnterFor({ id: caller.id, panelGroup: own?.group ?? null }, assisted);
    return { tender, member, assisted };
  }

  private async memberBid(em: EntityManager, tender: Tender, assisted: AssistedMember, bidId: string) {
    assertMemberMayScoreBid(await this.access.panelBidAccess(em, tender, assisted.id, bidId), assisted);
    return this.access.requirePanelBid(em, tender, assisted.id, bidId);
  }
}

export function entryResponse(row: ScoreEntryRow | undefined, member: string): AssistedScoreResponse['entry'] {
  if (!row) return null;
  const changed = changedByMemberSince(row.savedAt, row.enteredAt);
  return {
    method: row.method,
    enteredById: row.enteredById,
    enteredBy: row.enteredByName,
    enteredAt: row.enteredAt.toISOString(),
    confirmedByMemberAt: row.confirmedByMemberAt ? row.confirmedByMemberAt.toISOString() : null,
    changedByMemberSince: changed,
    words: entryWords({ ...row, changedByMemberSince: changed }, row.enteredByName, member),
  };
}

export function entryScoreResponse(row: ScoreEntryRow, bid: string, code: string, member: string): AssistedScoreResponse {
  return {
    id: row.individualScoreId,
    bidId: row.bidId,
    bid,
    criterionId: row.criterionId,
    code,
    score: row.score,
    rationale: row.rationale,
    status: row.status,
    savedAt: row.savedAt.toISOString(),
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    member,
    entry: entryResponse(row, member),
  };
}

/** The member's access to a bid from their declarations (as `panelBidAccess`, for bids already known to be the panel's). */
function accessOf(allDeclared: boolean, conflict: boolean | undefined): PanelBidAccess {
  if (!allDeclared) return 'undeclared';
  return conflict ? 'conflict' : 'ok';
}
