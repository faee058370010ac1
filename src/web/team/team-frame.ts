import type { Response } from 'express';
import type { Caller, Role } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import type { TendersService } from '../../tenders/tenders.service';
import { afterAwardLink } from '../after-award/after-award-view';
import { tenderNavigation, type TenderPage } from './tender-navigation';

/** Where a person lands after signing in: the team on their tenders, admins on the accounts, the panel on its scoring. */
export function landingFor(role: Role): string {
  if (role === 'admin') return '/accounts';
  if (role === 'commissioner' || role === 'procurement') return '/tenders';
  if (role === 'bidder') return '/opportunities';
  return '/panel';
}

/**
 * The route's role check (the page's @Auth): anyone else gets "Page not found", as the API
 * answers what a caller may not see. Resource checks stay in the services (TenderAccess).
 */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (caller.seat || !roles.includes(caller.role)) throw new DomainError('not_found', 'Page not found.');
}

/** The bidder's header: their opportunities and their account. */
export const BIDDER_NAVIGATION = [
  { href: '/opportunities', text: 'Opportunities' },
  { href: '/account', text: 'Your account' },
];

/** The header's navigation for the team and for admins (and a bidder on the change-password page). */
export function teamFrame(res: Response, caller: Caller, current: string): void {
  if (caller.role === 'bidder') {
    // A bidder's change-password page sits in the bidder's own header (src/web/bidder).
    res.locals.navigationItems = BIDDER_NAVIGATION.map((item) => ({ ...item, active: current.startsWith(item.href) }));
    return;
  }
  const items =
    caller.role === 'admin' ? [{ href: '/accounts', text: 'Accounts' }] : [{ href: '/tenders', text: 'Your tenders' }];
  items.push({ href: '/account/password', text: 'Change password' });
  res.locals.navigationItems = items.map((item) => ({ ...item, active: current.startsWith(item.href) }));
}

/** A DomainError's own sentence, for the codes a person can meet on a form; anything else is rethrown. */
export function plainRefusal(
  error: unknown,
  codes: DomainError['code'][] = ['invalid_state', 'rule_violation', 'forbidden'],
): string {
  if (error instanceof DomainError && codes.includes(error.code)) return error.detail;
  throw error;
}

/** The field-level sentences a DomainError carries (`errors: [{field, message}]`). */
export function fieldProblems(error: DomainError): { field: string; message: string }[] {
  const errors = error.extensions.errors;
  return Array.isArray(errors) ? (errors as { field: string; message: string }[]) : [];
}

/**
 * A tender's page: the tender as the API shows it to this caller (TendersService.get), 404
 * unless they are on its team, with the header and the tender's sub-navigation.
 */
export async function teamTender(
  tenders: TendersService,
  caller: Caller,
  tenderId: string,
  res: Response,
  current: TenderPage,
): Promise<TenderResponse> {
  requireRole(caller, 'commissioner', 'procurement');
  const tender = await tenders.get(caller, tenderId);
  if (tender.teamRole === null) throw new DomainError('not_found', 'Tender not found.');
  teamFrame(res, caller, '/tenders');
  const afterAward = afterAwardLink(tender, current);
  res.locals.tenderNavigation = [...tenderNavigation(tender.id, current), ...(afterAward ? [afterAward] : [])];
  return tender;
}
