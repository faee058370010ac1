import { addWorkingDays, factCheckState, panelVersion, responseProblem, sendProblem } from './fact-check';

const at = (iso: string) => new Date(iso);

describe('fact-check deadline in working days', () => {
  it('skips Saturdays and Sundays, keeping the time of day', () => {
    // Wednesday 2 December 2026 + 5 working days: Thu 3, Fri 4, Mon 7, Tue 8, Wed 9.
    expect(addWorkingDays(at('2026-12-02T10:00:00Z'), 5).toISOString()).toBe('2026-12-09T10:00:00.000Z');
    // Friday + 1: Monday. Saturday + 1: Monday.
    expect(addWorkingDays(at('2026-12-04T16:30:00Z'), 1).toISOString()).toBe('2026-12-07T16:30:00.000Z');
    expect(addWorkingDays(at('2026-12-05T09:00:00Z'), 1).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });
});

describe('fact-check state, computed on read', () => {
  const respondBy = at('2026-12-09T10:00:00Z');
  const check = { versionNumber: 2, respondBy, outcome: null };

  it('awaits until the time passes, then is no response', () => {
    expect(factCheckState(check, 2, at('2026-12-09T09:59:59Z'))).toBe('awaiting');
    expect(factCheckState(check, 2, respondBy)).toBe('no_response');
  });

  it('keeps the bidder’s answer whatever the time, and is superseded by a newer version sent', () => {
    expect(factCheckState({ ...check, outcome: 'approved' }, 3, at('2027-01-01T00:00:00Z'))).toBe('approved');
    expect(factCheckState({ ...check, outcome: 'commented' }, 2, at('2026-12-03T00:00:00Z'))).toBe('commented');
    expect(factCheckState(check, 3, at('2026-12-03T00:00:00Z'))).toBe('superseded');
  });

  it('lets the bidder answer only while awaiting', () => {
    expect(responseProblem('awaiting', respondBy)).toBeNull();
    expect(responseProblem('no_response', respondBy)).toMatch(/ended on 2026-12-09T10:00:00.000Z/);
    expect(responseProblem('approved', respondBy)).toMatch(/already/);
    expect(responseProblem('superseded', respondBy)).toMatch(/newer version/);
  });
});

describe('the version the panel reads', () => {
  const now = at('2026-12-20T00:00:00Z');
  const v = (versionNumber: number, outcome: 'approved' | 'commented' | null, respondBy = '2026-12-30T00:00:00Z') => ({
    versionNumber,
    outcome,
    respondBy: at(respondBy),
  });

  it('is the newest approved or timed-out version; one with the bidder or commented on does not replace it', () => {
    expect(panelVersion([v(1, 'approved'), v(2, null)], now)?.versionNumber).toBe(1);
    expect(panelVersion([v(1, 'approved'), v(2, 'commented')], now)?.versionNumber).toBe(1);
    expect(panelVersion([v(1, 'commented'), v(2, null, '2026-12-19T00:00:00Z')], now)?.versionNumber).toBe(2);
    expect(panelVersion([v(1, 'commented'), v(2, null)], now)).toBeNull();
    expect(panelVersion([], now)).toBeNull();
  });
});

describe('sending a version', () => {
  it('sends only the newest version, once, written under the current template', () => {
    expect(sendProblem({ number: 2, sent: false, followsTemplate: true }, 2)).toBeNull();
    expect(sendProblem({ number: 2, sent: true, followsTemplate: true }, 2)).toMatch(/already/);
    expect(sendProblem({ number: 1, sent: false, followsTemplate: true }, 2)).toMatch(/newest/);
    expect(sendProblem({ number: 2, sent: false, followsTemplate: false }, 2)).toMatch(/current template/);
  });
});
