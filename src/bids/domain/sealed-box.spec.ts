import { assertDisqualifiable, isCounted } from './bid-lifecycle';
import { approveOpening, assertAcceptingBids, assertAssessable, assertMayClose, boxIsOpen, isPastDeadline } from './sealed-box';
import { DEADLINE, justBefore, problemOf } from './testing/bid.builders';

describe('the deadline (server clock)', () => {
  const published = { status: 'published' as const, bidDeadline: DEADLINE, closedAt: null };

  it('is open at deadline − 1 ms and shut at the deadline itself', () => {
    expect(isPastDeadline(justBefore, DEADLINE)).toBe(false);
    expect(isPastDeadline(DEADLINE, DEADLINE)).toBe(true);
    expect(() => assertAcceptingBids(published, justBefore, 'submitted')).not.toThrow();
    const late = problemOf(() => assertAcceptingBids(published, DEADLINE, 'submitted'));
    expect(late.code).toBe('invalid_state');
    expect(late.detail).toBe('The bid deadline (2027-01-31T12:00:00.000Z) has passed: bids can no longer be submitted.');
    expect(late.extensions).toEqual({ bidDeadline: '2027-01-31T12:00:00.000Z' });
  });

  it.each(['draft', 'evaluation', 'moderation', 'awarded', 'cancelled'] as const)(
    'refuses bids on a %s tender (409)',
    (status) => {
      const problem = problemOf(() => assertAcceptingBids({ ...published, status }, justBefore, 'created'));
      expect(problem.code).toBe('invalid_state');
      expect(problem.extensions).toEqual({ currentStatus: status });
    },
  );

  it('closing is refused at deadline − 1 ms and allowed at the deadline', () => {
    expect(problemOf(() => assertMayClose(justBefore, DEADLINE)).code).toBe('invalid_state');
    expect(() => assertMayClose(DEADLINE, DEADLINE)).not.toThrow();
  });
});

describe('the sealed box', () => {
  it.each([
    ['draft', null, false],
    ['published', null, false],
    ['evaluation', DEADLINE, true],
    ['moderation', DEADLINE, true],
    ['awarded', DEADLINE, true],
    ['cancelled', DEADLINE, true],
    ['cancelled', null, false],
  ] as const)('a %s tender (closedAt %s) has its box open: %s', (status, closedAt, open) => {
    expect(boxIsOpen({ status, closedAt })).toBe(open);
  });

  it('counts bids with a submitted version that are not withdrawn (disqualified ones still count)', () => {
    expect(isCounted({ status: 'draft', submittedVersionId: null })).toBe(false);
    expect(isCounted({ status: 'submitted', submittedVersionId: 'v1' })).toBe(true);
    expect(isCounted({ status: 'withdrawn', submittedVersionId: 'v1' })).toBe(false);
    expect(isCounted({ status: 'disqualified', submittedVersionId: 'v1' })).toBe(true);
  });

  it('compliance and disqualification only in evaluation or moderation', () => {
    expect(() => assertAssessable('evaluation')).not.toThrow();
    expect(() => assertAssessable('moderation')).not.toThrow();
    for (const status of ['draft', 'published', 'awarded', 'cancelled'] as const) {
      expect(problemOf(() => assertAssessable(status)).code).toBe('invalid_state');
    }
  });

  it('only a counted bid that is not already disqualified can be disqualified', () => {
    expect(() => assertDisqualifiable({ status: 'submitted', submittedVersionId: 'v1' })).not.toThrow();
    expect(problemOf(() => assertDisqualifiable({ status: 'disqualified', submittedVersionId: 'v1' })).detail).toMatch(/already/);
    expect(problemOf(() => assertDisqualifiable({ status: 'draft', submittedVersionId: null })).code).toBe('invalid_state');
  });
});

describe('opening approvals', () => {
  const now = new Date('2027-01-31T12:05:00.000Z');
  it('needs as many different people as required', () => {
    const first = approveOpening([], 'alice', 2, now);
    expect(first).toEqual({ given: [{ by: 'alice', at: '2027-01-31T12:05:00.000Z' }], complete: false });
    const second = approveOpening(first.given, 'bob', 2, now);
    expect(second.complete).toBe(true);
    expect(second.given.map((approval) => approval.by)).toEqual(['alice', 'bob']);
    expect(approveOpening([], 'alice', 1, now).complete).toBe(true);
  });

  it('refuses the same person twice (409), changing nothing', () => {
    const given = [{ by: 'alice', at: now.toISOString() }];
    expect(() => approveOpening(given, 'alice', 2, now)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(given).toHaveLength(1);
  });
});
