import { csvRow, UTF8_BOM } from '../cell-safety';
import { GROUP_LABELS, NOT_COUNTED_LABELS, type EvaluationRecord } from '../../results/evaluation/evaluation-record';

export const SCORES_CSV_HEADER = [
  'bid',
  'bidder',
  'criterion',
  'criterionTitle',
  'member',
  'group',
  'role',
  'score',
  'rationale',
  'status',
  'submittedAt',
  'counted',
  'whyNotCounted',
] as const;

/**
 * scores.csv: one RFC 4180 row per individual score on the record (drafts and scores
 * that do not count included, and said so), UTF-8 with a byte order mark so Excel reads
 * it as UTF-8. `bid` is the "Bid n" label panelists saw under blind marking and `bidder`
 * the name (the team, the only audience, sees names); lived-experience members appear by
 * pseudonym. Every text field is neutralised against formula injection (cell-safety.ts).
 * Yields the file a few bids at a time (record.readScores) so a large tender streams.
 */
export async function* scoresCsv(record: EvaluationRecord): AsyncGenerator<string> {
  const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
  const criteria = new Map(record.criteria.map((criterion) => [criterion.id, criterion]));
  const members = new Map(record.members.map((member) => [member.id, member]));
  yield UTF8_BOM + csvRow(SCORES_CSV_HEADER);
  for await (const batch of record.readScores()) {
    let chunk = '';
    for (const score of batch) {
      const bid = bids.get(score.bidId)!;
      const criterion = criteria.get(score.criterionId)!;
      const member = members.get(score.memberId)!;
      chunk += csvRow([
        bid.label,
        bid.bidderName,
        criterion.code,
        criterion.title,
        member.name,
        GROUP_LABELS[member.group],
        member.roleLabel,
        score.score,
        score.rationale,
        score.status,
        score.submittedAt?.toISOString() ?? null,
        score.notCounted === null ? 'yes' : 'no',
        score.notCounted === null ? null : NOT_COUNTED_LABELS[score.notCounted],
      ]);
    }
    yield chunk;
  }
}
