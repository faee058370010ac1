import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { LoginThrottle } from './login-throttle.entity';

/** After `maxFailures` failures within `windowMs`, the key is locked for `lockMs` after each further failure. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** One client address against one account (or one address redeeming invitations): locks. */
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * One account from every address together: a ceiling far above what one address may try, that
 * slows a guessing attack spread over many addresses to one guess per `lockMs` without locking
 * the owner out for long (docs/DESIGN.md, "Accounts and sign-in").
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 30_000 };

/** Keys longer than the column (a 254-character email with an IPv6 address) are stored as their hash. */
const MAX_KEY_LENGTH = 300;

function storedKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Only failed sign-ins and invitation redemptions are throttled: a whole panel working
 * from one office network never hits a limit for ordinary use. The counters live in the
 * database, so every instance sees the same ones.
 */
@Injectable()
export class ThrottleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** 429 with `retryAfter` (seconds) when any of the keys is locked; the longest wait wins. */
  async assertNotLocked(...keys: string[]): Promise<void> {
    const rows = await this.db.read((em) => em.getRepository(LoginThrottle).find({ where: { key: In(keys.map(storedKey)) } }));
    const now = this.clock.now().getTime();
    const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
    if (until > now) {
      const retryAfter = Math.ceil((until - now) / 1000);
      throw new DomainError('throttled', `Too many failed attempts. Try again in ${waitText(retryAfter)}.`, { retryAfter });
    }
  }

  async recordFailure(key: string, policy: ThrottlePolicy = ADDRESS_POLICY): Promise<void> {
    // Two instances may insert the first failure for a key at once: the loser retries.
    await retryOnUniqueViolation(() => this.recordFailureOnce(storedKey(key), policy));
  }

  private async recordFailureOnce(key: string, policy: ThrottlePolicy): Promise<void> {
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(LoginThrottle);
      const now = this.clock.now();
      const row = await repo.findOne({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > policy.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const next: LoginThrottle = {
        key,
        failures,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null,
      };
      await repo.save(next);
    });
  }

  async reset(key: string): Promise<void> {
    await this.db.transaction((em) => em.getRepository(LoginThrottle).delete({ key: storedKey(key) }));
  }
}
