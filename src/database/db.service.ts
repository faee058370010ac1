import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one door to the database for services.
 *
 * SQLite (the embedded default) gives TypeORM a single connection: two concurrent
 * `transaction()` calls collide, and a read issued while another request's transaction
 * is open would run inside it and could see uncommitted rows. So on SQLite every unit of
 * work, read or write, takes its turn through one FIFO queue. PostgreSQL hands out a
 * connection per transaction and needs no queue. Nested calls (a service calling another
 * inside a transaction) join the open unit of work instead of queueing behind it.
 */
@Injectable()
export class Db implements OnApplicationBootstrap {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'sqlite';
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
    if (open) return work(open);
    const run = () => this.dataSource.transaction((em) => this.current.run(em, () => work(em)));
    return this.isSqlite ? this.serialise(run) : run();
  }

  /** Runs read-only `work`; on SQLite it waits for open transactions to finish. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    const manager = this.dataSource.manager;
    const run = () => this.current.run(manager, () => work(manager));
    return this.isSqlite ? this.serialise(run) : run();
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

  private serialise<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
