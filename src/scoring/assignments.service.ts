import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { PanelFacts } from '../access/access-rules';
import { TenderAccess } from '../access/tender-access.service';
import { versionsOf } from '../bids/bid-directory';
import type { Bid } from '../bids/bid.entity';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { fromHundredths } from '../common/domain/decimals';
import { leaves } from '../criteria/domain';
import type { Criterion } from '../criteria/criterion.entity';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import type { PanelMember } from '../panel/panel-member.entity';
import { PanelDirectory } from '../panel/panel-directory.service';
import { guidanceFor, outstandingDeclarations, scaleLevelsFor } from '../panel/domain/panel-rules';
import type { Tender } from '../tenders/tender.entity';
import type { AssignedBidResponse, AssignmentsResponse } from './dto/score.response';
import { IndividualScore } from './individual-score.entity';
import { criteriaForGroup, itemStatus, scoringIsOpen, type ScoreStatus } from './domain/scoring-rules';

/** Everything of AssignmentsResponse but the bids: the member's frame of work on a tender. */
export type AssignmentFrame = Omit<AssignmentsResponse, 'bids'>;

/** The member's work on one bid (the criterion and check pages). */
export interface BidAssignment extends AssignmentFrame {
  bid: AssignedBidResponse;
}

/** Where the member is on one bid, by counts (the task list): no row per criterion. */
export interface BidProgress {
  bidId: string;
  bid: string;
  /** Criteria the member's group scores on this bid. */
  criteria: number;
  /** Criteria with a saved score (draft or submitted). */
  saved: number;
  submitted: boolean;
}

/** The task list: the frame, the declarations still to make, and each bid's progress. */
export interface AssignmentSummary extends AssignmentFrame {
  /** The first panel bid still without a declaration (declare on it first), or null. */
  nextDeclarationBidId: string | null;
  /** Bids the member declared a conflict with (they are not listed). */
  conflicts: number;
  bids: BidProgress[];
}

/** What the member's session and tender decide, before any bid is looked at. */
interface Seat {
  tender: Tender;
  member: PanelMember;
  assigned: Criterion[];
  frame: AssignmentFrame;
}

/**
 * What a panel member has to do: the bids they score × the criteria their group scores,
 * in their group's wording, with where they are on each. Bids appear only once every
 * declaration of interest is made; prices only when the tender shows them to the panel.
 *
 * Three reads of the same rules: `forCaller` (the whole workload, for the API), `summary`
 * (counts per bid, for the task list) and `forBid` (one bid, for the criterion and check
 * pages). They share `seat` (access, the group's criteria, wording and scale), `scorableBids`
 * (declarations first, conflicts out), `itemsOf` and the names and prices of bids, so no rule
 * has a second copy; the narrow ones cost a fixed number of statements whatever the tender's size.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
    private readonly clock: Clock,
  ) {}

  async forCaller(caller: Caller, tenderId: string): Promise<AssignmentsResponse> {
    return this.db.read(async (em) => {
      const seat = await this.seat(em, caller, tenderId);
      const { bids } = await this.scorableBids(em, seat);
      const names = await this.directory.panelBidNames(em, seat.tender);
      const scores = bids.length
        ? await em
            .getRepository(IndividualScore)
            .find({ where: { panelMemberId: seat.member.id, bidId: In(bids.map((b) => b.id)) } })
        : [];
      const byBid = new Map<string, IndividualScore[]>();
      for (const score of scores) byBid.set(score.bidId, [...(byBid.get(score.bidId) ?? []), score]);
      const prices = await this.prices(em, seat.tender, bids);
      return {
        ...seat.frame,
        bids: bids.map((bid) =>
          assignedBid(
            bid,
            names.get(bid.id) ?? bid.bidderName,
            prices.get(bid.id) ?? null,
            seat.assigned,
            byBid.get(bid.id) ?? [],
          ),
        ),
      };
    });
  }

  /**
   * The task list: each bid the member scores with how many of its criteria have a saved
   * score, counted by the database (one grouped query), never a row per criterion.
   */
  async summary(caller: Caller, tenderId: string): Promise<AssignmentSummary> {
    return this.db.read(async (em) => {
      const seat = await this.seat(em, caller, tenderId);
      const { bids, outstanding, conflicted } = await this.scorableBids(em, seat);
      const names = await this.directory.panelBidNames(em, seat.tender);
      const counts = new Map<string, Record<ScoreStatus, number>>();
      if (bids.length > 0 && seat.assigned.length > 0) {
        // One grouped statement, read in the order of the (panelMemberId, status, bidId,
        // criterionId) index alone (no row per score is fetched, no sort): saved scores per
        // status and bid. By the member alone (a seat is on one tender): naming the tender too
        // lets SQLite pick the (tenderId, …) index and count through every panelist's scores.
        const rows = await em
          .getRepository(IndividualScore)
          .createQueryBuilder('score')
          .select('score.status', 'status')
          .addSelect('score.bidId', 'bidId')
          .addSelect('COUNT(*)', 'count')
          .where('score.panelMemberId = :memberId', { memberId: seat.member.id })
          .andWhere('score.criterionId IN (:...criteria)', { criteria: seat.assigned.map((c) => c.id) })
          .groupBy('score.status')
          .addGroupBy('score.bidId')
          .getRawMany<{ status: ScoreStatus; bidId: string; count: string | number }>();
        for (const row of rows) {
          const entry = counts.get(row.bidId) ?? { draft: 0, submitted: 0 };
          entry[row.status === 'submitted' ? 'submitted' : 'draft'] += Number(row.count);
          counts.set(row.bidId, entry);
        }
      }
      const total = seat.assigned.length;
      return {
        ...seat.frame,
        nextDeclarationBidId: outstanding[0] ?? null,
        conflicts: conflicted.size,
        bids: bids.map((bid) => {
          const { draft, submitted } = counts.get(bid.id) ?? { draft: 0, submitted: 0 };
          return {
            bidId: bid.id,
            bid: names.get(bid.id) ?? bid.bidderName,
            criteria: total,
            saved: draft + submitted,
            submitted: total > 0 && submitted === total,
          };
        }),
      };
    });
  }

  /**
   * The member's work on one bid: as `forCaller` lists it, or 404 when it would not be listed
   * (not a panel bid, or declared a conflict with) and 409 while declarations are outstanding.
   */
  async forBid(caller: Caller, tenderId: string, bidId: string): Promise<BidAssignment> {
    return this.db.read(async (em) => {
      const seat = await this.seat(em, caller, tenderId);
      // The panel's bid ids and the member's declarations, then this bid's row alone (shared
      // with the answer's and easy read's access checks): never every bid's row.
      this.declarationsMade(seat, await this.access.panelFacts(em, seat.tender, seat.member.id));
      // 409 while declarations are outstanding, 404 for a bid not listed (a conflict), as the API says.
      const bid = await this.access.requirePanelBid(em, seat.tender, seat.member.id, bidId);
      const scores = await em.getRepository(IndividualScore).find({ where: { panelMemberId: seat.member.id, bidId } });
      const name = await this.directory.panelBidNameOf(em, seat.tender, bid);
      const prices = await this.prices(em, seat.tender, [bid]);
      return { ...seat.frame, bid: assignedBid(bid, name, prices.get(bid.id) ?? null, seat.assigned, scores) };
    });
  }

  /** The caller's seat, the criteria their group scores (tree order), and the frame of their work. */
  private async seat(em: EntityManager, caller: Caller, tenderId: string): Promise<Seat> {
    const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
    const all = await this.criteria.all(em, tenderId);
    const byId = new Map(all.map((c) => [c.id, c]));
    const assigned = criteriaForGroup(leaves(all.map(toFlat)), member.group).map((flat) => byId.get(flat.id)!);
    const frame: AssignmentFrame = {
      tenderId,
      tenderStatus: tender.status,
      group: member.group,
      role: member.roleLabel,
      scoringOpen: scoringIsOpen(tender, this.clock.now()),
      scoringDeadline: tender.scoringDeadline ? tender.scoringDeadline.toISOString() : null,
      declarationsComplete: false,
      declarationsOutstanding: 0,
      priceVisible: tender.priceVisibleToPanel,
      scale: scaleLevelsFor(member.group, { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels }),
      criteria: assigned.map((criterion) => ({
        criterionId: criterion.id,
        code: criterion.code,
        title: criterion.title,
        guidance: guidanceFor(member.group, criterion),
      })),
    };
    return { tender, member, assigned, frame };
  }

  /** The bids the member scores: none until every declaration is made, never a conflicted one. */
  private async scorableBids(em: EntityManager, seat: Seat) {
    const { bids: panelBids, facts } = await this.access.panelOf(em, seat.tender, seat.member.id);
    const { outstanding, conflicted } = this.declarationsMade(seat, facts);
    const bids = outstanding.length === 0 ? panelBids.filter((bid) => !conflicted.has(bid.id)) : [];
    return { bids, outstanding, conflicted };
  }

  /** The declarations still to make and the conflicts declared, from the panel's facts; fills in the frame's counts. */
  private declarationsMade(seat: Seat, facts: PanelFacts) {
    const outstanding = outstandingDeclarations(facts.panelBidIds, new Set(facts.declared.keys()));
    const conflicted = new Set([...facts.declared].filter(([, conflict]) => conflict).map(([bidId]) => bidId));
    seat.frame.declarationsComplete = outstanding.length === 0;
    seat.frame.declarationsOutstanding = outstanding.length;
    return { outstanding, conflicted };
  }

  /** Bid id → price in pounds, only when the tender shows prices to the panel. */
  private async prices(em: EntityManager, tender: Tender, bids: readonly Bid[]): Promise<Map<string, number>> {
    const prices = new Map<string, number>();
    if (!tender.priceVisibleToPanel || bids.length === 0) return prices;
    const versions = await versionsOf(em, { ids: bids.map((b) => b.submittedVersionId!) });
    for (const version of versions) prices.set(version.bidId, fromHundredths(version.pricePence));
    return prices;
  }
}

/** One bid as the member works on it: an item per criterion of their group, with their own score. */
function assignedBid(
  bid: Bid,
  name: string,
  price: number | null,
  assigned: readonly Criterion[],
  scores: readonly IndividualScore[],
): AssignedBidResponse {
  const own = new Map(scores.map((s) => [s.criterionId, s]));
  const items = assigned.map((criterion) => {
    const score = own.get(criterion.id);
    return {
      criterionId: criterion.id,
      code: criterion.code,
      status: itemStatus(score),
      score: score?.score ?? null,
      rationale: score?.rationale ?? null,
    };
  });
  return {
    bidId: bid.id,
    bid: name,
    price,
    submitted: items.length > 0 && items.every((item) => item.status === 'submitted'),
    items,
  };
}
