/**
 * The tender's sub-navigation (views/partials/tender-navigation.njk): every page of one
 * tender, the team's own (src/web/team) and the evaluation's (src/web/evaluation), in labelled
 * groups so a phone shows a few short rows rather than one long wrap of links.
 */
export const TENDER_PAGE_GROUPS = ['Tender', 'People', 'Bids and scoring', 'Decision', 'After award'] as const;

export type TenderPageGroup = (typeof TENDER_PAGE_GROUPS)[number];

export const TENDER_PAGES = [
  { key: 'overview', path: '', text: 'Overview', group: 'Tender' },
  { key: 'settings', path: '/settings', text: 'Settings', group: 'Tender' },
  { key: 'details', path: '/details', text: 'Details and contact', group: 'Tender' },
  { key: 'questions', path: '/questions', text: 'Questions', group: 'Tender' },
  { key: 'criteria', path: '/criteria', text: 'Criteria', group: 'Tender' },
  { key: 'panel', path: '/panel', text: 'Team and panel', group: 'People' },
  { key: 'progress', path: '/progress', text: 'Progress', group: 'People' },
  { key: 'conflicts', path: '/conflicts', text: 'Conflicts of interest', group: 'People' },
  { key: 'messages', path: '/messages', text: 'Messages', group: 'People' },
  { key: 'payments', path: '/payments', text: 'Payments', group: 'People' },
  { key: 'bids', path: '/bids', text: 'Bids', group: 'Bids and scoring' },
  { key: 'easy-read', path: '/easy-read', text: 'Easy read', group: 'Bids and scoring' },
  { key: 'moderation', path: '/moderation', text: 'Moderation', group: 'Bids and scoring' },
  { key: 'results', path: '/results', text: 'Results', group: 'Decision' },
  { key: 'downloads', path: '/downloads', text: 'Downloads', group: 'Decision' },
  { key: 'audit', path: '/audit', text: 'Audit trail', group: 'Decision' },
] as const satisfies readonly { key: string; path: string; text: string; group: TenderPageGroup }[];

export type TenderPage = (typeof TENDER_PAGES)[number]['key'];

export interface TenderNavigationGroup {
  label: TenderPageGroup;
  items: { href: string; text: string; current: boolean }[];
}

export function tenderNavigation(tenderId: string, current: string): TenderNavigationGroup[] {
  return TENDER_PAGE_GROUPS.map((label) => ({
    label,
    items: TENDER_PAGES.filter((page) => page.group === label).map((page) => ({
      href: `/tenders/${tenderId}${page.path}`,
      text: page.text,
      current: page.key === current,
    })),
  })).filter((group) => group.items.length > 0);
}
