/**
 * The tender's sub-navigation (views/partials/tender-navigation.njk): every page of one
 * tender, the team's own (src/web/team) and the evaluation's (src/web/evaluation).
 */
export const TENDER_PAGES = [
  { key: 'overview', path: '', text: 'Overview' },
  { key: 'settings', path: '/settings', text: 'Settings' },
  { key: 'details', path: '/details', text: 'Details and contact' },
  { key: 'questions', path: '/questions', text: 'Questions' },
  { key: 'criteria', path: '/criteria', text: 'Criteria' },
  { key: 'panel', path: '/panel', text: 'Team and panel' },
  { key: 'progress', path: '/progress', text: 'Progress' },
  { key: 'payments', path: '/payments', text: 'Payments' },
  { key: 'bids', path: '/bids', text: 'Bids' },
  { key: 'easy-read', path: '/easy-read', text: 'Easy read' },
  { key: 'moderation', path: '/moderation', text: 'Moderation' },
  { key: 'results', path: '/results', text: 'Results' },
  { key: 'downloads', path: '/downloads', text: 'Downloads' },
  { key: 'audit', path: '/audit', text: 'Audit trail' },
  { key: 'messages', path: '/messages', text: 'Messages' },
] as const;

export type TenderPage = (typeof TENDER_PAGES)[number]['key'];

export function tenderNavigation(tenderId: string, current: string): { href: string; text: string; current: boolean }[] {
  return TENDER_PAGES.map((page) => ({
    href: `/tenders/${tenderId}${page.path}`,
    text: page.text,
    current: page.key === current,
  }));
}
