import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** The kind of an open unit of work: what a nested call may do inside it. */
export type UnitOfWorkMode = 'read' | 'write';

/**
 * A `transaction()` started inside a `read()`. The read's manager is not in a transaction,
 * so joining it would write without atomicity (and on SQLite outside the queue's turn):
 * a programming error, refused before the work starts.
 */
export class WriteInsideReadError extends Error {
  constructor() {
    super(
      'A write transaction was started inside a read-only unit of work. Start the transaction first ' +
        '(db.transaction) and read inside it, or finish the read before writing.',
    );
    this.name = 'WriteInsideReadError';
  }
}

interface OpenUnit {
  em: EntityManager;
  mode: UnitOfWorkMode;
  /** Reads already made in this read-only unit of work (`remember`). */
  remembered?: Map<string, Promise<unknown>>;
}

/**
 * The one door to the database for services.
 *
 * SQLite (the embedded default) gives TypeORM a single connection: two concurrent
 * `transaction()` calls collide, and a read issued while another request's transaction
 * is open would run inside it and could see uncommitted rows. So on SQLite every unit of
 * work, read or write, takes its turn through one FIFO queue. PostgreSQL hands out a
 * connection per transaction and needs no queue. Nested calls (a service calling another
 * inside a transaction) join the open unit of work instead of queueing behind it: a read
 * joins a read or a write, a write joins a write, and a write inside a read throws
 * `WriteInsideReadError` at once.
 *
 * The queue is SQLite's write ceiling, so a unit of work that waited in it longer than
 * `DB_QUEUE_WAIT_WARN_MS` is logged (one warning line).
 */
@Injectable()
export class Db implements OnApplicationBootstrap {
  private readonly logger = new Logger('Db');
  private tail: Promise<unknown> = Promise.resolve();
  /** Units of work queued or running on SQLite; while it is 0 nothing waits, so no clock is read. */
  private queued = 0;
  private readonly current = new AsyncLocalStorage<OpenUnit>();
  private readonly waitWarnMs: number;

  constructor(
    readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.waitWarnMs = config.dbQueueWaitWarnMs;
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
  }

  /** The mode of the unit of work this call runs in, or null outside any. */
  get mode(): UnitOfWorkMode | null {
    return this.current.getStore()?.mode ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.isSqlite) {
      // Durability: with WAL, synchronous=FULL fsyncs every commit, so an acknowledged
      // write survives a crash or power loss (docs/DESIGN.md, "Durability").
      await this.dataSource.query('PRAGMA synchronous = FULL');
      await this.dataSource.query('PRAGMA foreign_keys = ON');
    }
  }

  /** Runs `work` in one transaction; state change and audit row commit together. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open?.mode === 'read') return Promise.reject(new WriteInsideReadError());
    if (open) return work(open.em);
    const run = () => this.dataSource.transaction((em) => this.current.run({ em, mode: 'write' }, () => work(em)));
    return this.isSqlite ? this.serialise(run, 'write') : run();
  }

  /** Runs read-only `work`; on SQLite it waits for open transactions to finish. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open.em);
    const em = this.dataSource.manager;
    const run = () => this.current.run({ em, mode: 'read' }, () => work(em));
    return this.isSqlite ? this.serialise(run, 'read') : run();
  }

  /**
   * Inside a read-only unit of work, the same read (named by `key`) runs once: a page that
   * asks twice for the same facts (the access check of two services, say) reads them once.
   * Anywhere else — inside a write, or outside any unit — `read` runs every time, so a
   * transaction always sees its own writes. The key must name everything the read depends on.
   */
  remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open?.mode !== 'read') return read();
    open.remembered ??= new Map();
    let found = open.remembered.get(key) as Promise<T> | undefined;
    if (!found) {
      found = read();
      open.remembered.set(key, found);
    }
    return found;
  }

  /**
   * Inside a transaction: waits until no other transaction holds `name`, and holds it until
   * this one ends, so a check-then-write on that name (a unique reference) cannot race. On
   * PostgreSQL a transaction-level advisory lock; on SQLite the queue already runs one unit
   * of work at a time.
   */
  async lockName(em: EntityManager, name: string): Promise<void> {
    if (!this.isSqlite) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
  }

  private serialise<T>(run: () => Promise<T>, mode: UnitOfWorkMode): Promise<T> {
    // An idle queue starts the work on the next tick: only a unit that queues behind another
    // pays for the clock.
    const queuedAt = this.queued > 0 ? performance.now() : -1;
    this.queued += 1;
    const start = () => {
      if (queuedAt >= 0) this.noteWait(performance.now() - queuedAt, mode);
      return run();
    };
    const result = this.tail.then(start, start);
    this.tail = result.then(
      () => void (this.queued -= 1),
      () => void (this.queued -= 1),
    );
    return result;
  }

  private noteWait(waitedMs: number, mode: UnitOfWorkMode): void {
    if (waitedMs > this.waitWarnMs) {
      this.logger.warn(
        `A ${mode} unit of work waited ${Math.round(waitedMs)} ms in the SQLite queue (over DB_QUEUE_WAIT_WARN_MS=${this.waitWarnMs}, ${this.queued - 1} behind it).`,
      );
    }
  }
}
