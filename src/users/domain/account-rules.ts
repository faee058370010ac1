import type { Role } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';

/**
 * What an admin may do to an account. Pure: the service loads the accounts (on PostgreSQL
 * with the active admins' rows locked, so two admins acting at once see each other's
 * change) and asks these rules.
 */

/** A password reset link works once, within this time. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;

export function passwordResetExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
}

export interface AccountChange {
  actorId: string;
  target: { id: string; role: Role; active: boolean };
  /** The account after the change. */
  next: { role: Role; active: boolean };
  /** Ids of the active admin accounts before the change. */
  activeAdminIds: string[];
}

/**
 * Refuses a change that would lock people out: an admin changing their own role or
 * deactivating themselves (409; another admin must do it), and any change that would
 * leave the service without an active admin (409).
 */
export function assertAccountChangeAllowed(change: AccountChange): void {
  const { actorId, target, next, activeAdminIds } = change;
  if (target.id === actorId && next.role !== target.role) {
    throw new DomainError('invalid_state', 'You cannot change your own role. Ask another admin to do it.');
  }
  if (target.id === actorId && !next.active) {
    throw new DomainError('invalid_state', 'You cannot deactivate your own account. Ask another admin to do it.');
  }
  const wasActiveAdmin = target.active && target.role === 'admin';
  const staysActiveAdmin = next.active && next.role === 'admin';
  if (wasActiveAdmin && !staysActiveAdmin && activeAdminIds.filter((id) => id !== target.id).length === 0) {
    throw new DomainError(
      'invalid_state',
      'This is the only active admin account. Make another account an admin first, so the service always has one.',
    );
  }
}

/**
 * A bidder account is its organisation's account: it cannot become another role, and no
 * council account can become a bidder (422: create a separate account instead).
 */
export function assertRoleChangeAllowed(from: Role, to: Role): void {
  if (from !== to && (from === 'bidder' || to === 'bidder')) {
    throw new DomainError(
      'rule_violation',
      'A bidder account belongs to a supplier organisation, so it cannot change to or from another role. Create a separate account instead.',
      { errors: [{ field: 'role', message: 'Bidder accounts keep the bidder role, and other accounts cannot become bidders.' }] },
    );
  }
}
