import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { hashOneTimeToken, newOneTimeToken } from '../common/domain/one-time-token';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { passwordResetExpiry } from '../users/domain/account-rules';
import { hashPassword, verifyPassword } from '../users/password';
import type { PasswordReset } from '../users/password-reset.entity';
import { insertReset, resetByTokenHash, revokeOpenResets, useReset } from '../users/password-resets';
import { setPasswordHash, userById } from '../users/user-directory';
import type { PasswordResetLinkResponse } from './dto/password.dto';
import { ThrottleService } from './throttle.service';

/** The one answer to every failed reset: it must not say whether a link ever existed. */
const INVALID_RESET = 'This password reset link is not valid or has expired. Ask an admin for a new one.';

/**
 * Passwords after an account exists. An admin never sees or sets someone's password: they
 * get a one-time reset link (1 hour, stored as a hash, a newer link replaces the older)
 * and pass it on; the account holder chooses the password. A signed-in person changes
 * their own password by giving the current one.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: ThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issueReset(caller: Caller, userId: string): Promise<PasswordResetLinkResponse> {
    return this.db.transaction(async (em) => {
      const user = await userById(em, userId);
      if (!user) throw new DomainError('not_found', 'This account was not found. Check the id.');
      if (!user.active) {
        throw new DomainError(
          'invalid_state',
          'This account is deactivated. Reactivate it before sending a password reset link.',
        );
      }
      const now = this.clock.now();
      const replaced = await revokeOpenResets(em, userId, now);
      const { token, tokenHash } = newOneTimeToken();
      const reset: PasswordReset = {
        id: newId(),
        userId,
        tokenHash,
        issuedAt: now,
        issuedById: caller.id,
        expiresAt: passwordResetExpiry(now),
        usedAt: null,
        revokedAt: null,
      };
      await insertReset(em, reset);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'user.password_reset_issued',
        entityType: 'user',
        entityId: userId,
        // Never the token nor its hash: the trail must not be a way in.
        after: { expiresAt: reset.expiresAt.toISOString(), replacedPrevious: replaced },
      });
      return { url: `${this.config.publicUrl}/reset-password/${token}`, expiresAt: reset.expiresAt.toISOString() };
    });
  }

  /**
   * Sets a new password with a reset link's token. Unknown, used, replaced and expired
   * tokens all get the same 401; failures count against the client address (429 after too
   * many), like invitation redemptions. The conditional UPDATE … WHERE usedAt IS NULL makes
   * a link work at most once, even when two requests race.
   */
  async redeemReset(token: string, password: string, clientAddress: string): Promise<void> {
    const key = `password-reset:${clientAddress}`;
    await this.throttle.assertNotLocked(key);
    const passwordHash = await hashPassword(password);
    const done = await this.db.transaction((em) => this.consume(em, hashOneTimeToken(token), passwordHash));
    if (!done) {
      await this.throttle.recordFailure(key);
      throw new DomainError('unauthorized', INVALID_RESET);
    }
    await this.throttle.reset(key);
  }

  private async consume(em: EntityManager, tokenHash: string, passwordHash: string): Promise<boolean> {
    const now = this.clock.now();
    const reset = await resetByTokenHash(em, tokenHash);
    if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt.getTime() <= now.getTime()) return false;
    const user = await userById(em, reset.userId);
    if (!user || !user.active) return false;
    if (!(await useReset(em, reset.id, now))) return false;
    await setPasswordHash(em, user.id, passwordHash);
    await this.audit.record(em, {
      actorId: user.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { resetId: reset.id },
    });
    return true;
  }

  /**
   * The signed-in person changes their own password. A wrong current password is 422 on the
   * field and counts as a failure for this account (429 after too many), so a token left in
   * an unlocked browser cannot be used to guess the password.
   */
  async changeOwn(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
    // A panel link is a key to one seat, never to the account: it must not be turned into a
    // password that would sign in everywhere the account sits.
    if (caller.seat)
      throw new DomainError(
        'forbidden',
        'You signed in with a panel link, which is only for scoring. Ask the tender team if you need a password.',
      );
    const key = `password-change:${caller.id}`;
    await this.throttle.assertNotLocked(key);
    const stored = await this.db.read((em) => userById(em, caller.id));
    if (!(await verifyPassword(currentPassword, stored?.passwordHash ?? null))) {
      await this.throttle.recordFailure(key);
      throw new DomainError('rule_violation', 'The current password is not right. Type the password you sign in with today.', {
        errors: [{ field: 'currentPassword', message: 'This is not the password the account signs in with.' }],
      });
    }
    if (currentPassword === newPassword) {
      throw new DomainError('rule_violation', 'The new password is the same as the current one. Choose a different password.', {
        errors: [{ field: 'newPassword', message: 'Choose a password different from the current one.' }],
      });
    }
    await this.throttle.reset(key);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (em) => {
      await setPasswordHash(em, caller.id, passwordHash);
      // A reset link still open for this account is no longer needed.
      await revokeOpenResets(em, caller.id, this.clock.now());
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: caller.id,
      });
    });
  }
}
