import { allSentOn, approvalRefusal, editRefusal, londonDay, sendRefusal, sentOnRefusal } from './summary-status';

describe('assessment summary status', () => {
  it('a second team member approves a draft; its last editor may not', () => {
    expect(approvalRefusal({ status: 'draft' }, 'ann', 'bob')).toBeNull();
    expect(approvalRefusal({ status: 'draft' }, 'ann', 'ann')).toMatchObject({ code: 'forbidden' });
    expect(approvalRefusal({ status: 'approved' }, 'ann', 'bob')).toMatchObject({ code: 'invalid_state' });
    expect(approvalRefusal({ status: 'sent' }, 'ann', 'bob')).toMatchObject({ code: 'invalid_state' });
  });

  it('words change until sent; only an approved summary is sent, once', () => {
    expect(editRefusal({ status: 'approved' })).toBeNull();
    expect(editRefusal({ status: 'sent' })).toMatch(/cannot change/);
    expect(sendRefusal({ status: 'approved', sentOn: null })).toBeNull();
    expect(sendRefusal({ status: 'draft', sentOn: null })).toMatch(/Approve this summary/);
    expect(sendRefusal({ status: 'sent', sentOn: '2026-12-04' })).toMatch(/on 2026-12-04/);
  });

  it('the day sent is not in the future nor before the award, in UK days', () => {
    expect(sentOnRefusal('2026-12-04', '2026-12-04', '2026-12-01')).toBeNull();
    expect(sentOnRefusal('2026-12-05', '2026-12-04', '2026-12-01')).toMatch(/future/);
    expect(sentOnRefusal('2026-11-30', '2026-12-04', '2026-12-01')).toMatch(/on 2026-12-01/);
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('gives the award notice a date only once every summary is sent: the last day', () => {
    expect(allSentOn([])).toBeNull();
    expect(
      allSentOn([
        { status: 'sent', sentOn: '2026-12-04' },
        { status: 'approved', sentOn: null },
      ]),
    ).toBeNull();
    expect(
      allSentOn([
        { status: 'sent', sentOn: '2026-12-07' },
        { status: 'sent', sentOn: '2026-12-04' },
      ]),
    ).toBe('2026-12-07');
  });
});
