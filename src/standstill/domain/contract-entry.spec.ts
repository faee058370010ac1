import { contractEntryRefusal, type ContractEntryState } from './contract-entry';

describe('when the contract may be entered into', () => {
  const published: ContractEntryState = {
    awarded: true,
    kind: 'mandatory',
    noticePublishedAt: new Date('2026-12-22T15:00:00Z'),
    endsAt: new Date('2027-01-06T00:00:00Z'),
    contractEnteredAt: null,
    openChallenges: [],
  };

  it('refuses until the award, and until the notice is recorded', () => {
    expect(contractEntryRefusal({ ...published, awarded: false }, new Date('2027-02-01T00:00:00Z'))).toMatch(/not awarded/);
    expect(
      contractEntryRefusal({ ...published, noticePublishedAt: null, endsAt: null }, new Date('2027-02-01T00:00:00Z')),
    ).toMatch(/contract award notice/);
  });

  it('refuses during the standstill, naming its last day, and allows from midnight after it', () => {
    expect(contractEntryRefusal(published, new Date('2027-01-05T23:59:59Z'))).toBe(
      'The standstill period ends at midnight at the end of 5 January 2027: the contract can be entered into from then.',
    );
    expect(contractEntryRefusal(published, new Date('2027-01-06T00:00:00Z'))).toBeNull();
  });

  it('does not wait when there is no standstill, but still needs the notice', () => {
    expect(contractEntryRefusal({ ...published, kind: 'none' }, new Date('2026-12-22T16:00:00Z'))).toBeNull();
  });

  it('waits while a challenge is open, after the standstill too', () => {
    const challenged = { ...published, openChallenges: [{ receivedAt: new Date('2026-12-30T10:00:00Z') }] };
    expect(contractEntryRefusal(challenged, new Date('2027-02-01T00:00:00Z'))).toBe(
      'A challenge received on 30 December 2026 is still open: the contract cannot be entered into until it is lifted.',
    );
  });

  it('refuses a second entry', () => {
    expect(
      contractEntryRefusal(
        { ...published, contractEnteredAt: new Date('2027-01-07T09:00:00Z') },
        new Date('2027-02-01T00:00:00Z'),
      ),
    ).toMatch(/already entered into on 7 January 2027/);
  });
});
