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

/** The chain of events that belong to no tender (accounts, the anchors of tender chains). */
export const SERVICE_CHAIN = 'service';

/** Which chain an event belongs to: its tender's own, or the service chain. */
export function chainOf(tenderId: string | null): string {
  return tenderId ?? SERVICE_CHAIN;
}

/** The service chain records a tender chain's head at its first event and every this many after. */
export const ANCHOR_EVERY = 20;

/** The action of an anchor event; its `after` is `{ anchors: [{chain, seq, hash}] }`. */
export const ANCHOR_ACTION = 'audit.anchor';

export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
}

export function anchorsAt(seq: number): boolean {
  return seq === 1 || seq % ANCHOR_EVERY === 0;
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

export interface ChainedEvent extends ChainedFields {
  chain: string;
  hash: string;
}

export interface ChainHead {
  id: string;
  seq: number;
  hash: string;
}

export interface ChainResult extends ChainVerification {
  chain: string;
}

export interface ChainsVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  broken: (ChainBreak & { chain: string })[];
  chains: ChainResult[];
}

/** The anchors an event of the service chain records (none unless it is an anchor event). */
export function anchorsIn(event: ChainedFields): Anchor[] {
  if (event.action !== ANCHOR_ACTION || event.tenderId !== null) return [];
  const anchors = (event.after as { anchors?: unknown } | null)?.anchors;
  if (!Array.isArray(anchors)) return [];
  return anchors.filter(
    (anchor): anchor is Anchor =>
      typeof anchor === 'object' &&
      anchor !== null &&
      typeof anchor.chain === 'string' &&
      Number.isInteger(anchor.seq) &&
      typeof anchor.hash === 'string',
  );
}

/**
 * Verifies every chain given (events in chain, seq order; each chain's head) and the anchors
 * the service chain holds for them. `only` limits the anchors checked to those chains (a
 * tender's own verification reads just its chain and the service chain). A chain that was
 * anchored but has lost the anchored event — a whole tender's trail deleted, or rewound past
 * an anchor — is named, as is an event filed under another chain than its tender's.
 */
export function verifyChains(
  events: Iterable<ChainedEvent>,
  heads: Iterable<ChainHead>,
  only?: ReadonlySet<string>,
): ChainsVerification {
  const byChain = new Map<string, ChainedEvent[]>();
  for (const event of events) {
    const list = byChain.get(event.chain) ?? [];
    list.push(event);
    byChain.set(event.chain, list);
  }
  const headOf = new Map<string, ChainHead>();
  for (const head of heads) headOf.set(head.id, head);
  const names = [...new Set([...byChain.keys(), ...headOf.keys(), ...(only ?? [])])].sort((a, b) =>
    a === SERVICE_CHAIN ? -1 : b === SERVICE_CHAIN ? 1 : a.localeCompare(b),
  );
  const chains = new Map<string, ChainResult>();
  for (const name of names) {
    const list = byChain.get(name) ?? [];
    const head = headOf.get(name);
    const result: ChainResult = { chain: name, ...verifyChain(list, head ? { seq: head.seq, hash: head.hash } : null) };
    for (const event of list) {
      if (chainOf(event.tenderId) !== name)
        result.broken.push({
          seq: event.seq,
          reason: `filed under chain ${name} but belongs to chain ${chainOf(event.tenderId)}`,
        });
    }
    chains.set(name, result);
  }
  for (const event of byChain.get(SERVICE_CHAIN) ?? []) {
    for (const anchor of anchorsIn(event)) {
      if (only && !only.has(anchor.chain)) continue;
      const chain = chains.get(anchor.chain) ?? { chain: anchor.chain, ok: true, checked: 0, headSeq: 0, broken: [] };
      chains.set(anchor.chain, chain);
      const anchored = byChain.get(anchor.chain)?.find((candidate) => candidate.seq === anchor.seq);
      if (!anchored) {
        chain.broken.push({
          seq: anchor.seq,
          reason: `the service chain anchored this chain at seq ${anchor.seq} (service event ${event.seq}) but the event is gone: the chain was deleted or rewound`,
        });
      } else if (anchored.hash !== anchor.hash) {
        chain.broken.push({
          seq: anchor.seq,
          reason: `does not match the anchor in service event ${event.seq} (chain rewritten)`,
        });
      }
    }
  }
  const results = [...chains.values()].map((chain) => ({ ...chain, ok: chain.broken.length === 0 }));
  return {
    ok: results.every((chain) => chain.ok),
    checked: results.reduce((sum, chain) => sum + chain.checked, 0),
    headSeq: results.reduce((sum, chain) => sum + chain.headSeq, 0),
    broken: results.flatMap((chain) => chain.broken.map((entry) => ({ chain: chain.chain, ...entry }))),
    chains: results,
  };
}
