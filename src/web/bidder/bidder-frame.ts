import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { BIDDER_NAVIGATION } from '../team/team-frame';
import { pageError } from '../web-error.filter';

/** The bidder's pages are for bidder accounts; the header links to their opportunities. */
export function bidderOnly(caller: Caller, res: Response): void {
  if (caller.role !== 'bidder' || caller.seat) {
    throw pageError(403, {
      pageTitle: 'These pages are for bidders',
      lines: ['You are signed in with an account that does not bid for tenders.'],
      next: { href: '/', text: 'Go to the start' },
    });
  }
  res.locals.homeUrl = '/opportunities';
  res.locals.homeText = 'Opportunities';
  const path = res.req?.path ?? '';
  res.locals.navigationItems = BIDDER_NAVIGATION.map((item) => ({
    ...item,
    active: item.href === '/account' ? path.startsWith('/account') : !path.startsWith('/account'),
  }));
}

export const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft, not sent',
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
  disqualified: 'Not considered',
};
