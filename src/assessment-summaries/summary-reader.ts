import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { complianceOf } from '../bids/bid-directory';
import type { Caller } from '../common/caller';
import { DomainError, notFound } from '../common/domain/domain-error';
import { presentResults } from '../results/engine';
import { Evaluation } from '../results/evaluation/evaluation.service';
import type { Tender } from '../tenders/tender.entity';
import { statusWords } from '../tenders/domain/tender-lifecycle';
import { userNames } from '../users/user-directory';
import type { AssessmentSummary, AssessmentSummaryVersion } from './assessment-summary.entity';
import { draftWords, summaryContent, type SummaryContent, type SummaryWords } from './domain/summary-content';
import type { AssessmentSummaryResponse, AssessmentSummaryDocumentResponse } from './dto/assessment-summary.response';
import { versionsOf } from './summary-queries';

/**
 * Reads assessment summaries: the figures from the one evaluation (`Evaluation.evaluate`, the
 * numbers GET /results shows, presented by the engine's own `presentResults`), the words from
 * the summary's newest version, put together by the pure `summaryContent`.
 */
@Injectable()
export class SummaryReader {
  constructor(private readonly evaluation: Evaluation) {}

  /** Summaries follow the award decision (s.50: they are given with the contract award notice). */
  assertAwarded(tender: Tender): void {
    if (tender.status !== 'awarded') {
      throw new DomainError(
        'invalid_state',
        `The tender is ${statusWords(tender.status)}: assessment summaries follow the award decision.`,
      );
    }
  }

  /** The assessed bids (every bid in the results, excluded ones too), and the awarded one. */
  async assessed(em: EntityManager, tender: Tender) {
    const { input, result } = await this.evaluation.evaluate(em, tender);
    const presented = presentResults(result);
    const winner = presented.bids.find((bid) => bid.bidId === tender.awardedBidId) ?? null;
    return { input, bids: presented.bids, winner };
  }

  /** First drafts of the words for each assessed bid, from the moderation rationales and the panel's. */
  async drafts(
    em: EntityManager,
    caller: Caller,
    tender: Tender,
    bidIds: ReadonlySet<string>,
  ): Promise<Map<string, SummaryWords>> {
    const record = await this.evaluation.record(em, caller, tender);
    const moderation = new Map<string, Map<string, string>>();
    for (const version of record.moderated) {
      if (!version.current || !bidIds.has(version.bidId)) continue;
      moderation.set(version.bidId, (moderation.get(version.bidId) ?? new Map()).set(version.criterionId, version.rationale));
    }
    const panel = new Map<string, Map<string, string[]>>();
    for await (const batch of record.readScores()) {
      for (const score of batch) {
        if (score.notCounted !== null || !bidIds.has(score.bidId)) continue;
        const ofBid = panel.get(score.bidId) ?? new Map<string, string[]>();
        ofBid.set(score.criterionId, [...(ofBid.get(score.criterionId) ?? []), score.rationale]);
        panel.set(score.bidId, ofBid);
      }
    }
    const { criteria } = (await this.evaluation.evaluate(em, tender)).input;
    return new Map(
      record.presented.bids
        .filter((bid) => bidIds.has(bid.bidId))
        .map((bid) => [
          bid.bidId,
          draftWords({
            criteria,
            bid,
            winnerBidId: tender.awardedBidId,
            moderationRationale: moderation.get(bid.bidId) ?? new Map(),
            panelRationales: panel.get(bid.bidId) ?? new Map(),
          }),
        ]),
    );
  }

  async content(em: EntityManager, tender: Tender, summary: AssessmentSummary, words: SummaryWords): Promise<SummaryContent> {
    const { input, bids, winner } = await this.assessed(em, tender);
    const bid = bids.find((candidate) => candidate.bidId === summary.bidId);
    if (!bid) throw notFound('The bid');
    const gates = (await complianceOf(em, [bid.bidId])).map((record) => ({
      criterionId: record.criterionId,
      passed: record.passed,
      note: record.note,
    }));
    return summaryContent({ tender: { reference: tender.reference, title: tender.title }, input, bid, winner, gates, words });
  }

  /** The summary with its newest words. */
  async contentOf(em: EntityManager, tender: Tender, summary: AssessmentSummary): Promise<SummaryContent> {
    const versions = await versionsOf(em, [summary.id]);
    return this.content(em, tender, summary, wordsOf(current(summary, versions)));
  }

  /** The document a supplier reads. */
  async document(em: EntityManager, tender: Tender, summary: AssessmentSummary): Promise<AssessmentSummaryDocumentResponse> {
    return this.documentOf(tender, summary, await this.contentOf(em, tender, summary));
  }

  /** The document and where it stands, for the team. */
  async teamView(em: EntityManager, tender: Tender, summary: AssessmentSummary): Promise<AssessmentSummaryResponse> {
    const versions = await versionsOf(em, [summary.id]);
    const latest = current(summary, versions);
    const content = await this.content(em, tender, summary, wordsOf(latest));
    const names = await userNames(
      em,
      [...versions.map((version) => version.editedById), summary.approvedById ?? ''].filter(Boolean),
    );
    return {
      ...this.documentOf(tender, summary, content),
      id: summary.id,
      status: summary.status,
      version: summary.currentVersion,
      lastEditedBy: names.get(latest.editedById) ?? '',
      approvedBy: summary.approvedById ? (names.get(summary.approvedById) ?? '') : null,
      approvedAt: summary.approvedAt?.toISOString() ?? null,
      versions: versions.map((version) => ({
        version: version.version,
        editedBy: names.get(version.editedById) ?? '',
        editedAt: version.editedAt.toISOString(),
      })),
    };
  }

  private documentOf(tender: Tender, summary: AssessmentSummary, content: SummaryContent): AssessmentSummaryDocumentResponse {
    return {
      tenderId: tender.id,
      reference: tender.reference,
      title: tender.title,
      bidId: summary.bidId,
      bidderName: content.bidderName,
      isWinner: content.isWinner,
      winnerName: content.winnerName,
      scale: content.scale,
      price: content.price,
      winnerPrice: content.winnerPrice,
      criteria: content.criteria,
      gates: content.gates,
      subtotals: content.subtotals,
      total: content.total,
      winnerTotal: content.winnerTotal,
      eligible: content.eligible,
      exclusions: content.exclusions,
      overall: content.overall,
      sentOn: summary.sentOn,
    };
  }
}

export function current(summary: AssessmentSummary, versions: readonly AssessmentSummaryVersion[]): AssessmentSummaryVersion {
  const found = versions.find((version) => version.summaryId === summary.id && version.version === summary.currentVersion);
  if (!found) throw new Error(`Assessment summary ${summary.id} has no version ${summary.currentVersion}`);
  return found;
}

export function wordsOf(version: AssessmentSummaryVersion): SummaryWords {
  return { explanations: version.explanations, overall: version.overall };
}
