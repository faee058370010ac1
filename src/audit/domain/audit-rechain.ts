import {
  ANCHOR_ACTION,
  chainOf,
  GENESIS_HASH,
  hashEvent,
  SERVICE_CHAIN,
  verifyChain,
  type ChainedEvent,
  type ChainedFields,
  type ChainHead,
} from './audit-chain';

/** The service chain's record that the single chain of an earlier release was split. */
export const CHAINS_SPLIT_ACTION = 'audit.chains_split';

/**
 * Converts the single chain of earlier releases (one seq over every event) into one chain per
 * tender plus the service chain (docs/DESIGN.md, "The audit trail"). Every event keeps its
 * content, time and order within its tender; it gets its place in its own chain and is hashed
 * again there. The old chain is verified first and the result kept, with its head, in a
 * `audit.chains_split` event at the end of the service chain, followed by one anchor of every
 * tender chain — so an auditor holding a copy of the old trail can still check it, and the
 * new chains are vouched for from the moment they exist. A broken old chain is converted all
 * the same (refusing would stop the upgrade and keep nothing safer); the split event says so.
 */
export function rechain(
  events: readonly (ChainedFields & { hash: string })[],
  oldHead: { seq: number; hash: string } | null,
  at: Date,
): { events: ChainedEvent[]; heads: ChainHead[] } {
  const old = verifyChain(events, oldHead);
  const heads = new Map<string, ChainHead>();
  const out: ChainedEvent[] = [];
  const append = (fields: Omit<ChainedFields, 'seq' | 'prevHash'>): ChainHead => {
    const chain = chainOf(fields.tenderId);
    const head = heads.get(chain) ?? { id: chain, seq: 0, hash: GENESIS_HASH };
    const event = { ...fields, seq: head.seq + 1, prevHash: head.hash };
    const hash = hashEvent(event);
    out.push({ ...event, chain, hash });
    const moved = { id: chain, seq: event.seq, hash };
    heads.set(chain, moved);
    return moved;
  };
  for (const event of events) {
    append({
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      tenderId: event.tenderId,
      sensitivity: event.sensitivity,
      before: event.before ?? null,
      after: event.after ?? null,
    });
  }
  const tenderChains = [...heads.values()].filter((head) => head.id !== SERVICE_CHAIN);
  const service = { actorId: null, entityId: null, tenderId: null, sensitivity: 'public', before: null, occurredAt: at };
  append({
    ...service,
    action: CHAINS_SPLIT_ACTION,
    entityType: 'audit_chain',
    after: {
      previousHead: { seq: oldHead?.seq ?? 0, hash: oldHead?.hash ?? GENESIS_HASH },
      previousChainIntact: old.ok,
      previousBreaks: old.broken,
      events: events.length,
      tenderChains: tenderChains.length,
    },
  });
  if (tenderChains.length > 0) {
    append({
      ...service,
      action: ANCHOR_ACTION,
      entityType: 'audit_chain',
      after: { anchors: tenderChains.map((head) => ({ chain: head.id, seq: head.seq, hash: head.hash })) },
    });
  }
  return { events: out, heads: [...heads.values()] };
}
