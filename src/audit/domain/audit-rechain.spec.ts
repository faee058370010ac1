import { chainOf, GENESIS_HASH, hashEvent, verifyChain, verifyChains, type ChainedFields } from './audit-chain';
import { CHAINS_SPLIT_ACTION, rechain } from './audit-rechain';

/** The single chain of an earlier release: one seq over every event, tenders interleaved. */
function singleChain(tenders: (string | null)[]): {
  events: (ChainedFields & { hash: string })[];
  head: { seq: number; hash: string };
} {
  let prevHash = GENESIS_HASH;
  const events = tenders.map((tenderId, index) => {
    const event = {
      seq: index + 1,
      occurredAt: new Date(Date.UTC(2026, 10, 1, 0, index)),
      actorId: 'u1',
      action: tenderId ? 'tender.updated' : 'user.created',
      entityType: tenderId ? 'tender' : 'user',
      entityId: tenderId ?? 'u1',
      tenderId,
      sensitivity: 'public',
      before: null,
      after: { step: index + 1 },
      prevHash,
    };
    const hash = hashEvent(event);
    prevHash = hash;
    return { ...event, hash };
  });
  return { events, head: { seq: events.length, hash: prevHash } };
}

describe('rechain (one chain → one per tender + the service chain)', () => {
  const at = new Date('2026-12-02T01:00:00Z');

  it("gives every tender its own chain from seq 1, keeps each tender's order, and every chain verifies", () => {
    const old = singleChain(['A', null, 'B', 'A', 'B', 'A']);
    const { events, heads } = rechain(old.events, old.head, at);
    const a = events.filter((event) => event.chain === 'A');
    expect(a.map((event) => [event.seq, (event.after as { step: number }).step])).toEqual([
      [1, 1],
      [2, 4],
      [3, 6],
    ]);
    expect(events.filter((event) => event.chain === 'B').map((event) => event.seq)).toEqual([1, 2]);
    expect(events.every((event) => event.chain === chainOf(event.tenderId))).toBe(true);
    const result = verifyChains(events, heads);
    expect(result).toMatchObject({ ok: true, broken: [] });
    // the service chain: its one old event, the split record, then one anchor of A and B
    expect(events.filter((event) => event.chain === 'service').map((event) => event.action)).toEqual([
      'user.created',
      CHAINS_SPLIT_ACTION,
      'audit.anchor',
    ]);
    expect(result.checked).toBe(6 + 2);
  });

  it("records the old head and whether the old chain held, and anchors every tender chain's head", () => {
    const old = singleChain(['A', 'A', 'B']);
    const { events, heads } = rechain(old.events, old.head, at);
    const split = events.find((event) => event.action === CHAINS_SPLIT_ACTION)!;
    expect(split.after).toEqual({
      previousHead: old.head,
      previousChainIntact: true,
      previousBreaks: [],
      events: 3,
      tenderChains: 2,
    });
    const anchor = events.find((event) => event.action === 'audit.anchor')!;
    expect(anchor.after).toEqual({
      anchors: heads.filter((head) => head.id !== 'service').map((head) => ({ chain: head.id, seq: head.seq, hash: head.hash })),
    });
  });

  it('converts a broken old chain all the same, and says so', () => {
    const old = singleChain(['A', 'A', 'B']);
    old.events[1] = { ...old.events[1], after: { step: 'rewritten' } };
    const { events } = rechain(old.events, old.head, at);
    expect(verifyChain(old.events, old.head).ok).toBe(false);
    const split = events.find((event) => event.action === CHAINS_SPLIT_ACTION)!;
    expect(split.after).toMatchObject({
      previousChainIntact: false,
      previousBreaks: [{ seq: 2, reason: 'content does not match its hash (row edited)' }],
    });
  });

  it('once converted, a deleted tender chain is caught by its anchor', () => {
    const old = singleChain(['A', 'B', 'B']);
    const { events, heads } = rechain(old.events, old.head, at);
    const withoutB = verifyChains(
      events.filter((event) => event.chain !== 'B'),
      heads.filter((head) => head.id !== 'B'),
    );
    expect(withoutB.ok).toBe(false);
    expect(withoutB.broken).toEqual([
      expect.objectContaining({ chain: 'B', seq: 2, reason: expect.stringMatching(/deleted or rewound/) }),
    ]);
  });
});
