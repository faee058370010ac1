import type { SummaryContent } from '../../assessment-summaries/domain/summary-content';
import type { SummaryStatus } from '../../assessment-summaries/domain/summary-status';
import type { AssessmentSummaryDocumentResponse } from '../../assessment-summaries/dto/assessment-summary.response';
import type { CategoryKey } from '../../results/engine';
import { formValue } from '../web-page';

/* What the assessment summary pages say: the service's answer in words. */

export const STATUS_TAGS: Record<SummaryStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  approved: { text: 'Approved', classes: 'govuk-tag--blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
};

/** The summary the service answered, as the blocks the PDF and Word files are laid out from. */
export function contentOfResponse(summary: AssessmentSummaryDocumentResponse): SummaryContent {
  return {
    ...summary,
    tender: { reference: summary.reference, title: summary.title },
    subtotals: summary.subtotals.map((entry) => ({ ...entry, key: entry.key as CategoryKey })),
  };
}

/** A day typed in three boxes, `<prefix>-day`, `-month`, `-year`: YYYY-MM-DD, or null when it is no date. */
export function typedDay(body: unknown, prefix: string): { values: Record<string, string>; day: string | null } {
  const part = (name: string) => formValue(body, `${prefix}-${name}`).trim();
  const values = { [`${prefix}-day`]: part('day'), [`${prefix}-month`]: part('month'), [`${prefix}-year`]: part('year') };
  const [day, month, year] = [part('day'), part('month'), part('year')].map((text) =>
    /^\d{1,4}$/.test(text) ? Number(text) : NaN,
  );
  if (![day, month, year].every(Number.isInteger) || year < 2000) return { values, day: null };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { values, day: null };
  return { values, day: date.toISOString().slice(0, 10) };
}
