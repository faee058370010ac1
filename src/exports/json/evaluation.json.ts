import { fromHundredths, penceToPounds } from '../../common/domain/decimals';
import { presentCellStatistics } from '../../results/engine';
import { PROTECTIVE_MARKING } from '../domain/export-rules';
import type { EvaluationRecord, RecordScore } from '../../results/evaluation/evaluation-record';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * evaluation.json: the whole evaluation as one document — the tender and its settings,
 * the criteria, the bids (which version counted, how many were submitted), the results
 * exactly as GET /results gives them, every individual score and moderated version with
 * its rationale, the panel statistics, declarations, gate outcomes, commitments and the clarification log. Bid
 * response texts are not repeated here (GET /bids/:id has them): this is the assessment.
 * Criteria, bids and members are referred to by id, with codes and names beside them.
 * Built in memory (unlike the workbook and the CSV, which stream).
 */
export async function evaluationJson(record: EvaluationRecord): Promise<Record<string, unknown>> {
  const { tender } = record;
  const scores: RecordScore[] = [];
  for await (const batch of record.readScores({ full: true })) for (const score of batch) scores.push(score);
  const codeOf = new Map(record.criteria.map((criterion) => [criterion.id, criterion.code]));
  const bidName = new Map(record.bids.map((bid) => [bid.id, bid.bidderName]));
  const memberName = new Map(record.members.map((member) => [member.id, member.name]));
  return {
    protectiveMarking: PROTECTIVE_MARKING,
    generatedAt: record.generatedAt.toISOString(),
    generatedBy: record.generatedBy,
    tender: {
      id: tender.id,
      reference: tender.reference,
      title: tender.title,
      description: tender.description,
      status: tender.status,
      bidDeadline: iso(tender.bidDeadline),
      closedAt: iso(tender.closedAt),
      moderationStartedAt: iso(tender.moderationStartedAt),
      awardedBidId: tender.awardedBidId,
      awardedAt: iso(tender.awardedAt),
      scale: { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels },
      aggregation: tender.aggregation,
      moderationRequired: tender.moderationRequired,
      priceFormula: tender.priceFormula,
      tieBreak: tender.tieBreak,
      divergenceThreshold: fromHundredths(tender.divergenceThresholdHundredths),
      minScorers: tender.minScorers,
      abnormallyLowRatio: fromHundredths(tender.abnormallyLowRatioHundredths),
      closeCallMargin: fromHundredths(tender.closeCallMarginHundredths),
      blindMarking: tender.blindMarking,
      equalRepresentation: tender.equalRepresentation,
    },
    criteria: record.criteria.map(({ weightHundredths, parentId: _parentId, depth: _depth, ...criterion }) => ({
      ...criterion,
      weight: fromHundredths(weightHundredths),
    })),
    bids: record.bids.map(({ pricePence, submittedAt, disqualifiedAt, ...bid }) => ({
      ...bid,
      price: penceToPounds(pricePence),
      submittedAt: iso(submittedAt),
      disqualifiedAt: iso(disqualifiedAt),
    })),
    results: {
      complete: record.presented.complete,
      gaps: record.presented.gaps,
      sensitivity: record.presented.sensitivity,
      robustness: record.presented.robustness,
      closeCall: record.presented.closeCall,
      groupInfluence: record.presented.groupInfluence,
      // Reporting only (SCORING.md §11.4), members in join order, by their names on the record.
      calibration: record.members.flatMap((member) => {
        const entry = record.presented.calibration.find((candidate) => candidate.panelistId === member.id);
        return entry ? [{ panelMemberId: member.id, name: member.name, ...withoutId(entry) }] : [];
      }),
      bids: record.presented.bids,
    },
    panel: record.members.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() })),
    declarations: record.declarations.map((declaration) => ({
      ...declaration,
      member: memberName.get(declaration.memberId),
      bidderName: bidName.get(declaration.bidId),
      declaredAt: declaration.declaredAt.toISOString(),
      escalatedAt: iso(declaration.escalatedAt),
    })),
    individualScores: scores.map((score) => ({
      ...score,
      criterion: codeOf.get(score.criterionId),
      member: memberName.get(score.memberId),
      counted: score.notCounted === null,
      savedAt: iso(score.savedAt),
      submittedAt: iso(score.submittedAt),
    })),
    panelStatistics: [...record.statistics.values()].map((cell) => ({
      bidId: cell.bidId,
      criterionId: cell.criterionId,
      criterion: cell.code,
      ...presentCellStatistics(cell),
      // The exact panel score as a fraction, so the record can be re-checked to the last digit.
      exactPanelScore: cell.panelScore?.toString() ?? null,
      flags: cell.flags,
    })),
    moderatedScores: record.moderated.map((version) => ({
      ...version,
      criterion: codeOf.get(version.criterionId),
      moderatedAt: version.moderatedAt.toISOString(),
    })),
    compliance: record.compliance.map((entry) => ({
      ...entry,
      criterion: codeOf.get(entry.criterionId),
      recordedAt: entry.recordedAt.toISOString(),
    })),
    commitments: record.commitments.map((commitment) => ({
      ...commitment,
      criterion: commitment.criterionId ? codeOf.get(commitment.criterionId) : null,
      position: commitment.position + 1,
      // Numbers, as the bids API gives them.
      target: Number(commitment.target),
      baseline: commitment.baseline === null ? null : Number(commitment.baseline),
    })),
    clarifications: record.clarifications.map((entry) => ({
      ...entry,
      askedAt: iso(entry.askedAt),
      answeredAt: iso(entry.answeredAt),
      publishedAt: iso(entry.publishedAt),
    })),
  };
}

function withoutId<T extends { panelistId: string }>({ panelistId: _panelistId, ...rest }: T): Omit<T, 'panelistId'> {
  return rest;
}
