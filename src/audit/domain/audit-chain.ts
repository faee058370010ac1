import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/domain/canonical-json';

/** Pure hash-chain rules, shared by writing and verifying. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  tenderId: string | null;
  sensitivity: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function hashEvent(event: ChainedFields): string {
  const content = canonicalJson({
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    tenderId: event.tenderId,
    sensitivity: event.sensitivity,
    before: event.before ?? null,
    after: event.after ?? null,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  broken: ChainBreak[];
}

/**
 * Walks events in seq order and names every broken link: a gap in seq (deleted row),
 * a prevHash that does not match (reordered or deleted row), a hash that does not match
 * the content (edited row), or a head that does not match the last row (newest rows deleted).
 */
export function verifyChain(
  events: Iterable<ChainedFields & { hash: string }>,
  head: { seq: number; hash: string } | null,
): ChainVerification {
  const broken: ChainBreak[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const event of events) {
    checked++;
    if (event.seq !== expectedSeq) {
      broken.push({ seq: event.seq, reason: `expected seq ${expectedSeq}: rows ${expectedSeq}–${event.seq - 1} are missing` });
    }
    if (event.prevHash !== prevHash) {
      broken.push({ seq: event.seq, reason: 'prevHash does not match the previous row' });
    }
    if (hashEvent(event) !== event.hash) {
      broken.push({ seq: event.seq, reason: 'content does not match its hash (row edited)' });
    }
    expectedSeq = event.seq + 1;
    prevHash = event.hash;
  }
  const headSeq = head?.seq ?? 0;
  if (headSeq !== expectedSeq - 1 || (head?.hash ?? GENESIS_HASH) !== prevHash) {
    broken.push({
      seq: headSeq,
      reason: `chain head says seq ${headSeq} but the last row is seq ${expectedSeq - 1}: newest rows deleted or head altered`,
    });
  }
  return { ok: broken.length === 0, checked, headSeq, broken };
}
