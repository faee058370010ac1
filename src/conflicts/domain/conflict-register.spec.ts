import { assessment, nextVersion, teamDeclarationChange, type RegisterInput } from './conflict-register';

const at = (hour: number): Date => new Date(Date.UTC(2027, 0, 31, hour));

function input(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    team: [{ userId: 'u1', name: 'Priya Shah', role: 'owner' }],
    panel: [{ panelMemberId: 'p1', recordName: 'Lived experience 1', livedExperience: true }],
    bidderNames: new Map([
      ['b1', 'Mind in Camden'],
      ['b2', 'Certitude'],
    ]),
    panelVersions: [],
    teamVersions: [],
    mitigations: [],
    reviews: [],
    acts: [],
    ...overrides,
  };
}

describe('teamDeclarationChange', () => {
  it('makes a first statement, a new version for a different one, nothing for the same one', () => {
    expect(teamDeclarationChange(null, { conflict: false, details: null })).toBe('declared');
    expect(teamDeclarationChange({ conflict: false, details: null }, { conflict: false, details: null })).toBe('unchanged');
    expect(teamDeclarationChange({ conflict: false, details: null }, { conflict: true, details: 'A trustee.' })).toBe('revised');
    // A conflict may be withdrawn by the team member: it is a new version, the old one stays.
    expect(teamDeclarationChange({ conflict: true, details: 'A trustee.' }, { conflict: false, details: null })).toBe('revised');
  });

  it('numbers versions from 1', () => {
    expect(nextVersion([])).toBe(1);
    expect(nextVersion([{ version: 2 }, { version: 1 }])).toBe(3);
  });
});

describe('assessment', () => {
  it('keeps every panel statement, newest decides the state, and lists the conflict by pseudonym', () => {
    const result = assessment(
      input({
        panelVersions: [
          { declarationId: 'd2', panelMemberId: 'p1', bidId: 'b2', version: 1, conflict: false, details: null, at: at(10) },
          { declarationId: 'd1', panelMemberId: 'p1', bidId: 'b1', version: 1, conflict: false, details: null, at: at(10) },
          {
            declarationId: 'd1',
            panelMemberId: 'p1',
            bidId: 'b1',
            version: 2,
            conflict: true,
            details: 'My sister.',
            at: at(12),
          },
        ],
      }),
    );
    const lay = result.persons[1];
    expect(lay).toMatchObject({ name: 'Lived experience 1', role: 'Panel member (lived experience)', state: 'conflict' });
    // Same moment: in the bids' order.
    expect(lay.declarations.map((entry) => [entry.bidderName, entry.version])).toEqual([
      ['Mind in Camden', 1],
      ['Certitude', 1],
      ['Mind in Camden', 2],
    ]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        subject: 'panel_bid',
        subjectId: 'd1',
        name: 'Lived experience 1',
        bidderName: 'Mind in Camden',
      }),
    ]);
    expect(result.unmitigated).toBe(1);
    expect(result.persons[0].state).toBe('not_declared');
  });

  it('puts the newest mitigation first and counts a mitigated conflict as such', () => {
    const result = assessment(
      input({
        teamVersions: [{ userId: 'u1', version: 1, conflict: true, details: 'A trustee.', at: at(9) }],
        mitigations: [
          { subject: 'team', subjectId: 'u1', version: 1, text: 'First.', byName: 'Tom Reed', at: at(10) },
          { subject: 'team', subjectId: 'u1', version: 2, text: 'Second.', byName: 'Tom Reed', at: at(11) },
          { subject: 'panel_bid', subjectId: 'u1', version: 1, text: 'Another subject.', byName: 'Tom Reed', at: at(11) },
        ],
      }),
    );
    expect(result.conflicts[0].mitigations.map((entry) => entry.text)).toEqual(['Second.', 'First.']);
    expect(result.unmitigated).toBe(0);
  });

  it('names an approver who acted before any declaration, not one who had declared', () => {
    const result = assessment(
      input({
        team: [
          { userId: 'u1', name: 'Priya Shah', role: 'owner' },
          { userId: 'u2', name: 'Tom Reed', role: 'procurement' },
        ],
        teamVersions: [{ userId: 'u1', version: 1, conflict: false, details: null, at: at(9) }],
        acts: [
          { userId: 'u1', act: 'opened_bids', at: at(11) },
          { userId: 'u2', act: 'approved_opening', at: at(10) },
        ],
      }),
    );
    expect(result.actedBeforeDeclaring).toEqual([{ name: 'Tom Reed', act: 'approved_opening', at: at(10) }]);
    expect(result.persons[0].acts).toEqual([{ act: 'opened_bids', at: at(11) }]);
  });

  it('reports the newest review as the last', () => {
    const result = assessment(
      input({
        reviews: [
          { revision: 1, note: null, byName: 'Priya Shah', at: at(9) },
          { revision: 2, note: 'Again.', byName: 'Priya Shah', at: at(12) },
        ],
      }),
    );
    expect(result.lastReview?.revision).toBe(2);
    expect(result.reviews.map((entry) => entry.revision)).toEqual([2, 1]);
  });
});
