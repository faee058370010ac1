import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { LoginThrottle } from './login-throttle.entity';

/** After MAX_FAILURES failures within WINDOW, the key is locked for LOCK. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * Only failed sign-ins and invitation redemptions are throttled: a whole panel working
 * from one office network never hits a limit for ordinary use.
 */
@Injectable()
export class ThrottleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async assertNotLocked(key: string): Promise<void> {
    const row = await this.db.read((em) => em.getRepository(LoginThrottle).findOne({ where: { key } }));
    const now = this.clock.now().getTime();
    if (row?.lockedUntil && row.lockedUntil.getTime() > now) {
      const retryAfter = Math.ceil((row.lockedUntil.getTime() - now) / 1000);
      throw new DomainError('throttled', `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`, {
        retryAfter,
      });
    }
  }

  async recordFailure(key: string): Promise<void> {
    // Two instances may insert the first failure for a key at once: the loser retries.
    await retryOnUniqueViolation(() => this.recordFailureOnce(key));
  }

  private async recordFailureOnce(key: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(LoginThrottle);
      const now = this.clock.now();
      const row = await repo.findOne({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const next: LoginThrottle = {
        key,
        failures,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
      };
      await repo.save(next);
    });
  }

  async reset(key: string): Promise<void> {
    await this.db.transaction((em) => em.getRepository(LoginThrottle).delete({ key }));
  }
}
