import {
  ANCHOR_ACTION,
  ANCHOR_EVERY,
  anchorsAt,
  anchorsIn,
  chainOf,
  GENESIS_HASH,
  hashEvent,
  SERVICE_CHAIN,
  verifyChain,
  verifyChains,
  type ChainedEvent,
  type ChainedFields,
  type ChainHead,
} from './audit-chain';

function chain(n: number): (ChainedFields & { hash: string })[] {
  const events: (ChainedFields & { hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: 'u1',
      action: 'tender.created',
      entityType: 'tender',
      entityId: `t${seq}`,
      tenderId: `t${seq}`,
      sensitivity: 'public',
      before: null,
      after: { title: `Tender ${seq}`, nested: { b: 1, a: 2 } },
      prevHash,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

const headOf = (events: { seq: number; hash: string }[]) => {
  const last = events[events.length - 1];
  return { seq: last.seq, hash: last.hash };
};

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    const events = chain(5);
    expect(verifyChain(events, headOf(events))).toEqual({ ok: true, checked: 5, headSeq: 5, broken: [] });
  });

  it('hashes independently of key order', () => {
    const [event] = chain(1);
    expect(hashEvent({ ...event, after: { nested: { a: 2, b: 1 }, title: 'Tender 1' } })).toBe(event.hash);
  });

  it('names an edited row', () => {
    const events = chain(5);
    const head = headOf(events);
    events[2] = { ...events[2], after: { title: 'forged' } };
    const result = verifyChain(events, head);
    expect(result.ok).toBe(false);
    expect(result.broken).toEqual([{ seq: 3, reason: 'content does not match its hash (row edited)' }]);
  });

  it('names a deleted row in the middle', () => {
    const events = chain(5);
    const head = headOf(events);
    events.splice(1, 1);
    const result = verifyChain(events, head);
    expect(result.broken.map((b) => b.seq)).toEqual([3, 3]);
    expect(result.broken[0].reason).toMatch(/rows 2–2 are missing/);
  });

  it('detects deleting the newest rows through the chain head', () => {
    const events = chain(5);
    const head = headOf(events);
    const result = verifyChain(events.slice(0, 3), head);
    expect(result.ok).toBe(false);
    expect(result.broken[0].reason).toMatch(/head says seq 5 but the last row is seq 3/);
  });
});

describe('verifyChains (one chain per tender, anchored in the service chain)', () => {
  /** Appends events to chains the way AuditService does, anchors included. */
  function world(tenderEvents: string[]): { events: ChainedEvent[]; heads: ChainHead[] } {
    const heads = new Map<string, ChainHead>();
    const events: ChainedEvent[] = [];
    const append = (tenderId: string | null, action: string, after: unknown): ChainedEvent => {
      const chain = chainOf(tenderId);
      const head = heads.get(chain) ?? { id: chain, seq: 0, hash: GENESIS_HASH };
      const fields = {
        seq: head.seq + 1,
        occurredAt: new Date(Date.UTC(2026, 11, 1, 0, events.length)),
        actorId: null,
        action,
        entityType: 'tender',
        entityId: tenderId,
        tenderId,
        sensitivity: 'public',
        before: null,
        after,
        prevHash: head.hash,
      };
      const event = { ...fields, chain, hash: hashEvent(fields) };
      events.push(event);
      heads.set(chain, { id: chain, seq: event.seq, hash: event.hash });
      return event;
    };
    tenderEvents.forEach((tenderId, index) => {
      const event = append(tenderId, 'tender.updated', { step: index });
      if (anchorsAt(event.seq))
        append(null, ANCHOR_ACTION, { anchors: [{ chain: event.chain, seq: event.seq, hash: event.hash }] });
    });
    return { events, heads: [...heads.values()] };
  }

  it('anchors a chain at its first event and every ANCHOR_EVERY-th', () => {
    expect([1, 2, ANCHOR_EVERY - 1, ANCHOR_EVERY, ANCHOR_EVERY + 1, 2 * ANCHOR_EVERY].map(anchorsAt)).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
    const { events, heads } = world(Array.from({ length: ANCHOR_EVERY }, () => 'A'));
    expect(events.filter((event) => event.chain === SERVICE_CHAIN).map((event) => anchorsIn(event)[0].seq)).toEqual([
      1,
      ANCHOR_EVERY,
    ]);
    expect(verifyChains(events, heads)).toMatchObject({
      ok: true,
      checked: ANCHOR_EVERY + 2,
      headSeq: ANCHOR_EVERY + 2,
      broken: [],
    });
  });

  it('lists every chain, the service chain first, and sums the counts', () => {
    const { events, heads } = world(['B', 'A', 'B']);
    const result = verifyChains(events, heads);
    expect(result.chains.map((chain) => [chain.chain, chain.checked])).toEqual([
      [SERVICE_CHAIN, 2],
      ['A', 1],
      ['B', 2],
    ]);
    expect(result.checked).toBe(5);
  });

  it('names a chain rewound past an anchor, head set back consistently', () => {
    const { events, heads } = world(Array.from({ length: ANCHOR_EVERY + 2 }, () => 'A'));
    const kept = events.filter((event) => event.chain !== 'A' || event.seq < ANCHOR_EVERY);
    const last = kept.filter((event) => event.chain === 'A').at(-1)!;
    const rewound = heads.map((head) => (head.id === 'A' ? { id: 'A', seq: last.seq, hash: last.hash } : head));
    const result = verifyChains(kept, rewound);
    expect(result.ok).toBe(false);
    expect(result.broken).toEqual([{ chain: 'A', seq: ANCHOR_EVERY, reason: expect.stringMatching(/deleted or rewound/) }]);
  });

  it('names an anchored event rewritten with a new hash, and an event filed under another chain', () => {
    const { events, heads } = world(['A', 'B']);
    const forged = events.map((event) => (event.chain === 'A' ? { ...event, hash: 'f'.repeat(64) } : event));
    expect(
      verifyChains(
        forged,
        heads.map((head) => (head.id === 'A' ? { ...head, hash: 'f'.repeat(64) } : head)),
      ).broken,
    ).toEqual(expect.arrayContaining([{ chain: 'A', seq: 1, reason: expect.stringMatching(/does not match the anchor/) }]));
    const moved = events.map((event) => (event.chain === 'B' ? { ...event, chain: 'A2' } : event));
    const result = verifyChains(
      moved,
      heads.map((head) => (head.id === 'B' ? { ...head, id: 'A2' } : head)),
    );
    expect(result.broken).toEqual(
      expect.arrayContaining([
        { chain: 'A2', seq: 1, reason: 'filed under chain A2 but belongs to chain B' },
        { chain: 'B', seq: 1, reason: expect.stringMatching(/deleted or rewound/) },
      ]),
    );
  });

  it('checks only the anchors of the chains asked for', () => {
    const { events, heads } = world(['A', 'B']);
    const withoutB = events.filter((event) => event.chain !== 'B');
    expect(
      verifyChains(
        withoutB,
        heads.filter((head) => head.id !== 'B'),
        new Set(['A']),
      ).ok,
    ).toBe(true);
    expect(
      verifyChains(
        withoutB,
        heads.filter((head) => head.id !== 'B'),
      ).ok,
    ).toBe(false);
  });
});
