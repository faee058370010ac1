import { GENESIS_HASH, hashEvent, verifyChain, type ChainedFields } from './audit-chain';

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
