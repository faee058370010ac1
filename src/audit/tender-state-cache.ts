import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/db.service';
import { AuditChainHead } from './audit-event.entity';
import { chainOf } from './domain/audit-chain';

/** Entries kept, over every tender and kind: an evaluation of the large tender holds ~150 000 scores. */
export const TENDER_STATE_CACHE_ENTRIES = 6;

/**
 * Results of expensive reads of one tender (its evaluation, the panel's progress counts),
 * kept in memory and reused while the tender has not changed.
 *
 * "Not changed" is the tender's audit chain head (seq and hash): every state change of a
 * tender writes its audit row, with the tender's id, in the same transaction as the change
 * (docs/DESIGN.md), so a commit that can change what is cached moves the head. The head is
 * read on every call (one statement on its primary key), so a second instance's writes are
 * seen at once; nothing is ever served on an old head.
 *
 * Call it inside the read's unit of work, before reading what `compute` reads: the head is
 * read first, so what is stored is at least as new as the head it is filed under (on
 * PostgreSQL a write may commit between the two; the next call then sees a newer head and
 * computes again). Only inside a read-only unit of work: in a write transaction (which may
 * hold changes whose audit row is not written yet) or outside any, nothing is reused or stored.
 *
 * Bounded: at most TENDER_STATE_CACHE_ENTRIES entries, least recently used dropped first.
 * `key` must name everything else the result depends on that the audit chain does not
 * (settings read from the tender row, the members' ids and groups...).
 */
@Injectable()
export class TenderStateCache {
  private readonly entries = new Map<string, { head: string; value: unknown }>();

  constructor(private readonly db: Db) {}

  async read<T>(em: EntityManager, tenderId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.db.mode !== 'read') return compute();
    const head = await tenderHead(em, tenderId);
    const name = `${tenderId} ${key}`;
    const found = this.entries.get(name);
    if (found && found.head === head) {
      this.entries.delete(name); // most recently used last
      this.entries.set(name, found);
      return found.value as T;
    }
    const value = await compute();
    this.entries.delete(name);
    this.entries.set(name, { head, value });
    while (this.entries.size > TENDER_STATE_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Entries held (tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry (tests that measure the cost of a first read). */
  clear(): void {
    this.entries.clear();
  }
}

/** The tender's audit chain head as "seq hash" ("none" before its first event): one statement. */
export async function tenderHead(em: EntityManager, tenderId: string): Promise<string> {
  const head = await em.getRepository(AuditChainHead).findOne({ where: { id: chainOf(tenderId) } });
  return head ? `${head.seq} ${head.hash}` : 'none';
}
