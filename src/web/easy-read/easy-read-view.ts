import type { FactCheckResponse, SummaryVersionResponse } from '../../easy-read/dto/easy-read.response';
import { whenInWords } from '../bidder/bidder-view';

/** A version's fact-check in plain words, with the GOV.UK tag colour it shows in. */
export function factCheckWords(check: FactCheckResponse | null): { text: string; classes: string } {
  if (!check) return { text: 'Draft, not sent', classes: 'govuk-tag--grey' };
  const by = whenInWords(new Date(check.respondBy));
  switch (check.state) {
    case 'awaiting':
      return { text: `With the bidder until ${by}`, classes: 'govuk-tag--blue' };
    case 'approved':
      return { text: 'Approved by the bidder', classes: 'govuk-tag--green' };
    case 'commented':
      return { text: 'The bidder commented', classes: 'govuk-tag--orange' };
    case 'no_response':
      return { text: `No answer from the bidder by ${by}`, classes: 'govuk-tag--yellow' };
    case 'superseded':
      return { text: 'Replaced by a newer version', classes: 'govuk-tag--grey' };
  }
}

/** The versions for a page: each with its words, and its parts' readability warnings. */
export function versionRows(versions: SummaryVersionResponse[]) {
  return versions.map((version) => ({
    ...version,
    status: factCheckWords(version.factCheck),
    written: whenInWords(new Date(version.writtenAt)),
    warnings: version.sections
      .map((section) => (section.readability.warning ? `${section.heading}: ${section.readability.warning}` : null))
      .filter((warning): warning is string => warning !== null),
  }));
}
