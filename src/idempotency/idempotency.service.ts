import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { isRaceAbort, retryOnUniqueViolation } from '../database/unique-violation';
import { IdempotencyRecord } from './idempotency-record.entity';
import {
  assertValidKey,
  IDEMPOTENCY_TTL_MS,
  isExpired,
  keyReusedError,
  requestHashOf,
  scopeHashOf,
} from './domain/idempotency-rules';

export interface IdempotentRequest {
  key: string;
  callerId: string | null;
  method: string;
  path: string;
  body: unknown;
  /** The status the route answers on success. */
  status: number;
}

export type IdempotentOutcome = { replayed: false; body: unknown } | { replayed: true; status: number; body: unknown };

/**
 * Runs a creating request at most once per key. The claim, the work and the stored answer are
 * one transaction (the services' own transactions join it), so there is no moment at which the
 * work is done but its answer is not stored, nor a claim left behind by a failed request. A second
 * request with the key waits for the first: on SQLite in the unit-of-work queue, on PostgreSQL on
 * the claim row's unique index; then it finds the stored answer.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');
  private readonly cipherKey: Buffer;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipherKey = Buffer.from(hkdfSync('sha256', config.jwtSecret, '', 'tender-scorer idempotent answers', 32));
  }

  async run(request: IdempotentRequest, work: () => Promise<unknown>): Promise<IdempotentOutcome> {
    assertValidKey(request.key);
    const scopeHash = scopeHashOf(request.callerId, request.method, request.path, request.key);
    const requestHash = requestHashOf(request.body);
    // A concurrent writer's unique row (two first bids of one organisation on PostgreSQL) aborts the
    // whole transaction, the services' own recovery included: run it all again, and the services'
    // checks give their usual answer (409 for the second bid).
    const outcome = await retryOnUniqueViolation(
      () =>
        this.db.transaction(async (em) => {
          const replay = await this.claim(em, { ...request, scopeHash, requestHash });
          if (replay) return replay;
          const body = await work();
          await em
            .getRepository(IdempotencyRecord)
            .update({ scopeHash }, { status: request.status, response: this.seal(JSON.stringify(body ?? null)) });
          return { replayed: false as const, body };
        }),
      3,
      isRaceAbort,
    );
    if (!outcome.replayed) await this.pruneExpired();
    return outcome;
  }

  /** Inserts the claim, or returns the stored answer to replay; 422 when the key came with another body. */
  private async claim(
    em: EntityManager,
    request: IdempotentRequest & { scopeHash: string; requestHash: string },
  ): Promise<IdempotentOutcome | null> {
    const repo = em.getRepository(IdempotencyRecord);
    const now = this.clock.now();
    const row: IdempotencyRecord = {
      scopeHash: request.scopeHash,
      callerId: request.callerId,
      method: request.method,
      path: request.path,
      key: request.key,
      requestHash: request.requestHash,
      status: null,
      response: null,
      createdAt: now,
    };
    await repo.createQueryBuilder().insert().values(row).orIgnore().execute();
    const found = await repo.findOneByOrFail({ scopeHash: request.scopeHash });
    // Another transaction's claim is never visible uncommitted: an unfinished row is our own.
    if (found.status === null) return null;
    const body = isExpired(found.createdAt, now) ? undefined : this.open(found.response);
    if (body === undefined) {
      // Expired (or sealed under another JWT secret): forgotten, and this request is a new one.
      await repo.delete({ scopeHash: request.scopeHash, createdAt: found.createdAt });
      await repo.insert(row);
      return null;
    }
    if (found.requestHash !== request.requestHash) throw keyReusedError();
    return { replayed: true, status: found.status, body };
  }

  /** Opportunistic: answers older than 24 hours are deleted after a request that stored one. */
  private async pruneExpired(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
    try {
      await this.db.transaction((em) => em.getRepository(IdempotencyRecord).delete({ createdAt: LessThanOrEqual(cutoff) }));
    } catch (error) {
      this.logger.warn(`Could not delete expired idempotency keys (they are ignored anyway): ${String(error)}`);
    }
  }

  private seal(json: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.cipherKey, iv);
    const sealed = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
  }

  /** The stored body, or undefined when it cannot be read (another secret). */
  private open(stored: string | null): unknown {
    if (!stored) return undefined;
    try {
      const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
      const decipher = createDecipheriv('aes-256-gcm', this.cipherKey, iv);
      decipher.setAuthTag(tag);
      return JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
}
