import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { commitmentsOf } from '../../bids/bid-directory';
import { clarificationLogOf } from '../../clarifications/clarification-directory';
import type { Caller } from '../../common/caller';
import { Clock } from '../../common/clock';
import { fromHundredths } from '../../common/domain/decimals';
import { buildTree, type TreeNode } from '../../criteria/domain';
import type { Criterion } from '../../criteria/criterion.entity';
import { Db } from '../../database/db.service';
import { PanelDirectory } from '../../panel/panel-directory.service';
import { blindLabels } from '../../panel/domain/panel-rules';
import { panelStatistics, presentResults, type PanelStatistics } from '../engine';
import { organisationNames, userNames } from '../../users/user-directory';
import type { EvaluationRows } from './evaluation-reader';
import { entryMarkers } from '../../assisted/domain/assisted-rules';
import {
  cellKey,
  type Evaluated,
  type EvaluationRecord,
  type RecordClarification,
  type RecordCriterion,
  type RecordScore,
  type ScoreCell,
} from './evaluation-record';
import {
  BIDS_PER_BATCH,
  checkAgainstPlan,
  orderScores,
  planScoreCells,
  readScoreRows,
  usableMembers,
  type ScoreOrder,
} from './score-rows';

/**
 * The evaluation record (what the exports and the moderation view show), built inside the
 * caller's unit of work on the rows `EvaluationReader` read for the engine and on the
 * engine's answer (`Evaluation.record`): nothing those rows hold is read again. It adds
 * only what the engine does not read — people's names, commitments — and the individual
 * scores with their rationales, read a few bids at a time while they are written
 * (`readScores`). Scores are read as raw columns: a large tender holds ~150 000 of them,
 * and hydrating entities took seconds more.
 */
@Injectable()
export class EvaluationRecordLoader {
  constructor(
    private readonly db: Db,
    private readonly directory: PanelDirectory,
    private readonly clock: Clock,
  ) {}

  async build(em: EntityManager, caller: Caller, rows: EvaluationRows, { input, result }: Evaluated): Promise<EvaluationRecord> {
    if (rows.detail !== 'record') throw new Error('The evaluation record needs the rows read with detail "record"');
    const { tender, versions, moderated: moderatedVersions } = rows;
    const statistics = new Map<string, PanelStatistics>(
      panelStatistics(input).map((cell) => [cellKey(cell.bidId, cell.criterionId), cell]),
    );

    const criteria = flattenWithDepth(buildTree(rows.criteria.map(toNode)));
    const criterionOrder = new Map(criteria.map((criterion, index) => [criterion.id, index]));

    const counted = rows.bids;
    const labels = blindLabels(counted);
    const versionById = new Map(versions.map((version) => [version.id, version]));
    const resultOrder = new Map(result.bids.map((bid, index) => [bid.bidId, index]));
    const bids = counted
      .map((bid) => {
        const countedVersion = versionById.get(bid.submittedVersionId!)!;
        return {
          id: bid.id,
          label: labels.get(bid.id)!,
          bidderName: bid.bidderName,
          organisationType: countedVersion.organisationType ?? bid.organisationType,
          consortium: countedVersion.consortium,
          status: bid.status === 'disqualified' ? ('disqualified' as const) : ('submitted' as const),
          paper: bid.paper,
          submittedAt: bid.submittedAt,
          pricePence: BigInt(countedVersion.pricePence),
          countedVersion: countedVersion.number,
          versionCount: versions.filter((version) => version.bidId === bid.id && version.submittedAt !== null).length,
          disqualifiedAt: bid.disqualifiedAt,
          disqualificationReason: bid.disqualificationReason,
        };
      })
      .sort((a, b) => resultOrder.get(a.id)! - resultOrder.get(b.id)!);
    const bidOrder = new Map(bids.map((bid, index) => [bid.id, index]));

    const names = this.directory.namesOnRecord(rows.members);
    const members = rows.members.map((member) => ({
      id: member.id,
      name: names.get(member.id)!,
      group: member.group,
      roleLabel: member.roleLabel,
      joinOrder: member.joinOrder,
      joinedAt: member.joinedAt,
    }));
    const declarations = rows.declarations
      .filter((declaration) => bidOrder.has(declaration.bidId))
      .map(({ panelMemberId, bidId, conflict, details, declaredAt, escalatedAt }) => ({
        memberId: panelMemberId,
        bidId,
        conflict,
        details,
        declaredAt,
        escalatedAt,
      }));

    const canonical = new Map(
      [...bids.map((bid) => bid.id), ...criteria.map((criterion) => criterion.id), ...members.map((member) => member.id)].map(
        (id) => [id, id],
      ),
    );
    const order: ScoreOrder = {
      bidIds: bids.map((bid) => bid.id),
      criterionIds: criteria.map((criterion) => criterion.id),
      memberOrder: new Map(members.map((member, index) => [member.id, index])),
      groupOf: new Map(members.map((member) => [member.id, member.group])),
      conflicts: new Set(declarations.filter((d) => d.conflict).map((d) => `${d.memberId}|${d.bidId}`)),
      usable: usableMembers(statistics),
    };
    const { cells: scoreCells, tallies: memberTallies } = planScoreCells(input, order);
    // The statistics' score lists hold the engine input's ~150 000 entries: what counted is
    // now in `order.usable`, so let them go before the long render.
    for (const [key, cell] of statistics) statistics.set(key, { ...cell, scores: [] });
    const readScores = this.scoreReader(tender.id, order, scoreCells, canonical);

    const complianceRows = rows.compliance;
    const people = await this.userNames(em, [
      ...moderatedVersions.map((version) => version.moderatedById),
      ...complianceRows.map((row) => row.recordedById),
    ]);
    const latest = new Map<string, number>();
    for (const version of moderatedVersions) {
      const key = cellKey(version.bidId, version.criterionId);
      latest.set(key, Math.max(latest.get(key) ?? 0, Number(version.version)));
    }
    const moderated = moderatedVersions
      .filter((version) => bidOrder.has(version.bidId))
      .map((version) => ({
        id: version.id,
        bidId: version.bidId,
        criterionId: version.criterionId,
        version: Number(version.version),
        score: Number(version.score),
        rationale: version.rationale,
        moderatedById: version.moderatedById,
        moderatedBy: people.get(version.moderatedById) ?? '',
        moderatedAt: version.moderatedAt,
        current: latest.get(cellKey(version.bidId, version.criterionId)) === Number(version.version),
      }))
      .sort(
        (a, b) =>
          bidOrder.get(a.bidId)! - bidOrder.get(b.bidId)! ||
          criterionOrder.get(a.criterionId)! - criterionOrder.get(b.criterionId)! ||
          a.version - b.version,
      );
    const compliance = complianceRows
      .map((row) => ({
        bidId: row.bidId,
        criterionId: row.criterionId,
        passed: row.passed,
        note: row.note,
        recordedBy: people.get(row.recordedById) ?? '',
        recordedAt: row.recordedAt,
      }))
      .sort(
        (a, b) =>
          bidOrder.get(a.bidId)! - bidOrder.get(b.bidId)! ||
          criterionOrder.get(a.criterionId)! - criterionOrder.get(b.criterionId)!,
      );

    const countedVersionIds = counted.map((bid) => bid.submittedVersionId!);
    const bidOfVersion = new Map(counted.map((bid) => [bid.submittedVersionId!, bid.id]));
    const commitments = (await commitmentsOf(em, countedVersionIds))
      .map((row) => ({
        bidId: bidOfVersion.get(row.versionId)!,
        position: row.position,
        criterionId: row.criterionId,
        outcome: row.outcome,
        measure: row.measure,
        target: row.target,
        baseline: row.baseline,
        byDate: row.byDate,
      }))
      .sort((a, b) => bidOrder.get(a.bidId)! - bidOrder.get(b.bidId)! || a.position - b.position);

    const clarifications = await this.clarificationLog(em, tender.id);

    return {
      generatedAt: this.clock.now(),
      generatedBy: { id: caller.id, name: caller.name, email: caller.email, role: caller.role },
      tender,
      criteria,
      bids,
      members,
      declarations,
      scoreCells,
      readScores,
      entries: entryMarkers(rows.entries, names),
      memberTallies,
      moderated,
      compliance,
      commitments,
      clarifications,
      result,
      presented: presentResults(result),
      statistics,
    };
  }

  /**
   * Reads the score rows a few bids at a time, each batch in its own unit of work (a long
   * download never holds the database), ordered and checked against the plan. The next
   * batch is already being read while the caller writes the current one.
   */
  private scoreReader(tenderId: string, order: ScoreOrder, cells: readonly ScoreCell[], canonical: ReadonlyMap<string, string>) {
    const db = this.db;
    const read = async (first: number, full: boolean, size: number): Promise<RecordScore[]> => {
      const bidIds = order.bidIds.slice(first, first + size);
      const rows = await db.read((em) => readScoreRows(em, tenderId, bidIds, canonical, full));
      const ordered = orderScores(rows, { ...order, bidIds });
      const batch = new Set(bidIds);
      checkAgainstPlan(
        ordered,
        cells.filter((cell) => batch.has(cell.bidId)),
        order.groupOf,
      );
      return ordered;
    };
    return async function* readScores(options: { full?: boolean; whole?: boolean } = {}): AsyncGenerator<RecordScore[]> {
      const full = options.full ?? false;
      // A reader that keeps every score anyway (the moderation table) reads them in one
      // statement, so its cost does not grow with the bids; a writer streams a few bids at a time.
      const size = options.whole ? Math.max(order.bidIds.length, 1) : BIDS_PER_BATCH;
      let next = order.bidIds.length > 0 ? read(0, full, size) : null;
      for (let first = 0; next; first += size) {
        const current = next;
        next = first + size < order.bidIds.length ? read(first + size, full, size) : null;
        // A rejected prefetch is reported when it is awaited, not as an unhandled rejection.
        next?.catch(() => undefined);
        yield await current;
      }
    };
  }

  /** The tender's clarification log with the askers and answerers named (the team's record). */
  private async clarificationLog(em: EntityManager, tenderId: string): Promise<RecordClarification[]> {
    const entries = await clarificationLogOf(em, tenderId);
    const askerIds = entries.map((entry) => entry.askedById).filter((id): id is string => id !== null);
    const people = await this.userNames(em, [
      ...askerIds,
      ...entries.map((entry) => entry.answeredById).filter((id): id is string => id !== null),
    ]);
    const orgName = await organisationNames(
      em,
      entries.map((entry) => entry.askedByOrganisationId).filter((id): id is string => id !== null),
    );
    return entries.map((entry) => ({
      number: entry.number,
      kind: entry.kind,
      status: entry.status,
      question: entry.question,
      askedBy: entry.askedById
        ? {
            organisationName: (entry.askedByOrganisationId && orgName.get(entry.askedByOrganisationId)) || '',
            name: people.get(entry.askedById) ?? '',
          }
        : null,
      askedAt: entry.askedAt,
      answer: entry.answer,
      answeredBy: entry.answeredById ? (people.get(entry.answeredById) ?? '') : null,
      answeredAt: entry.answeredAt,
      privateReason: entry.privateReason,
      publishedAt: entry.publishedAt,
    }));
  }

  private userNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    return userNames(em, ids);
  }
}

type CriterionNode = Omit<RecordCriterion, 'parentCode' | 'depth'> & { order: number };

function toNode(criterion: Criterion): CriterionNode {
  return {
    id: criterion.id,
    code: criterion.code,
    title: criterion.title,
    parentId: criterion.parentId,
    kind: criterion.kind,
    category: criterion.category,
    weightHundredths: criterion.weightHundredths,
    threshold: criterion.thresholdHundredths === null ? null : fromHundredths(criterion.thresholdHundredths),
    scoredBy: criterion.scoredBy,
    groupWeights: criterion.groupWeights,
    maxWords: criterion.maxWords,
    guidance: criterion.guidance,
    plainGuidance: criterion.plainGuidance,
    order: criterion.order,
  };
}

function flattenWithDepth(tree: TreeNode<CriterionNode>[]): RecordCriterion[] {
  const out: RecordCriterion[] = [];
  const walk = (nodes: TreeNode<CriterionNode>[], depth: number, parentCode: string | null) => {
    for (const { children, order: _order, ...node } of nodes) {
      out.push({ ...node, parentCode, depth });
      walk(children, depth + 1, node.code);
    }
  };
  walk(tree, 0, null);
  return out;
}
