/*
 * When the evaluation may leave the service, under what name and marking (API.md "Results
 * and exports"). Pure.
 */
import { DomainError } from '../../common/domain/domain-error';
import { reached, statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';

/** Government Security Classifications: commercial information in an evaluation. */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE: COMMERCIAL';

export type ExportKind = 'evaluation-matrix.xlsx' | 'scores.csv' | 'evaluation.json';

export const EXPORT_CONTENT_TYPES: Record<ExportKind, string> = {
  'evaluation-matrix.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'scores.csv': 'text/csv; charset=utf-8',
  'evaluation.json': 'application/json; charset=utf-8',
};

/**
 * Exports reveal every individual score, so, like the results, they exist for the team
 * from moderation on (awarded included); before that 409.
 */
export function assertExportable(status: TenderStatus): void {
  if (!reached(status, 'moderation')) {
    throw new DomainError(
      'invalid_state',
      status === 'cancelled'
        ? 'The tender was cancelled before moderation; its scores stay confidential and nothing is exported.'
        : `Exports are available from moderation on, because they reveal every panel score; the tender is ${statusWords(status)}.`,
      { currentStatus: status },
    );
  }
}

/**
 * The download's file name: the tender reference (letters, digits, `.`, `_`, `-` kept;
 * anything else `-`) and the export, e.g. `LBC-2027-MHDC-01-evaluation-matrix.xlsx`.
 */
export function exportFileName(reference: string, kind: ExportKind): string {
  const safe = reference
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return safe ? `${safe}-${kind}` : kind;
}

/** Completeness as a cover sheet and a file name say it. */
export function completenessLabel(complete: boolean, gapCount: number): string {
  return complete
    ? 'Complete: every gate is recorded and every scored criterion has its score.'
    : `PROVISIONAL: ${gapCount} ${gapCount === 1 ? 'gap remains' : 'gaps remain'} (listed below); not a basis for award.`;
}
