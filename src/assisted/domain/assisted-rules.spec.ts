import { DomainError } from '../../common/domain/domain-error';
import {
  assertMayEnterFor,
  assertMemberMayScoreBid,
  assertSomethingToConfirm,
  changedByMemberSince,
  entryKey,
  entryMarkers,
  entryWords,
  toConfirm,
} from './assisted-rules';

const lay = { id: 'm1', group: 'lived_experience' as const, nameOnRecord: 'Lived experience 1' };
const pro = { id: 'm2', group: 'professional' as const, nameOnRecord: 'Dr Rao' };

function problem(action: () => void): { code: string; detail: string; fields: string[] } {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) {
      const errors = (error.extensions.errors ?? []) as { field: string }[];
      return { code: error.code, detail: error.message, fields: errors.map((e) => e.field) };
    }
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('who may enter scores for whom', () => {
  it('lets someone off the panel enter for a lived-experience member', () => {
    expect(() => assertMayEnterFor({ id: 'u1', panelGroup: null }, lay)).not.toThrow();
  });

  it('never for a professional member: they score for themselves', () => {
    expect(problem(() => assertMayEnterFor({ id: 'u1', panelGroup: null }, pro))).toMatchObject({
      code: 'rule_violation',
      fields: ['memberId'],
    });
  });

  it('never by a panel member of either group: scoring as the other group, or twice', () => {
    for (const panelGroup of ['professional', 'lived_experience'] as const) {
      const refused = problem(() => assertMayEnterFor({ id: 'u1', panelGroup }, lay));
      expect(refused).toMatchObject({ code: 'rule_violation', fields: ['memberId'] });
      expect(refused.detail).toMatch(/cannot enter scores for another member/);
    }
  });
});

describe('the member’s own access decides the bid', () => {
  it('passes an open bid', () => expect(() => assertMemberMayScoreBid('ok', lay)).not.toThrow());
  it('refuses a bid the member declared a conflict on, naming the member and the field', () => {
    expect(problem(() => assertMemberMayScoreBid('conflict', lay))).toEqual({
      code: 'rule_violation',
      detail: 'Lived experience 1 declared a conflict of interest on this bid, so no scores can be entered for them on it.',
      fields: ['bidId'],
    });
  });
  it('waits for the member’s declarations (409)', () => {
    expect(problem(() => assertMemberMayScoreBid('undeclared', lay))).toMatchObject({ code: 'invalid_state', fields: ['bidId'] });
  });
  it('answers 404 for a bid that is not the panel’s', () => {
    expect(problem(() => assertMemberMayScoreBid('not_found', lay))).toMatchObject({ code: 'not_found' });
  });
});

describe('the words on the record', () => {
  const fresh = { confirmedByMemberAt: null, changedByMemberSince: false };
  it('says who entered and how', () => {
    expect(entryWords({ method: 'present', ...fresh }, 'Amara Okafor', 'Lived experience 1')).toBe(
      'Entered by Amara Okafor with Lived experience 1 present.',
    );
    expect(entryWords({ method: 'paper_form', ...fresh }, 'Amara Okafor', 'Lived experience 1')).toBe(
      "From Lived experience 1's paper form, entered by Amara Okafor.",
    );
    expect(entryWords({ method: 'offline_workbook', ...fresh }, 'Amara Okafor', 'Lived experience 1')).toBe(
      "From Lived experience 1's offline workbook, imported by Amara Okafor.",
    );
  });
  it('adds the member’s confirmation, or that they changed it since', () => {
    const at = new Date('2027-02-04T09:00:00Z');
    expect(entryWords({ method: 'present', confirmedByMemberAt: at, changedByMemberSince: false }, 'A', 'B')).toBe(
      'Entered by A with B present; confirmed by the member.',
    );
    expect(entryWords({ method: 'present', confirmedByMemberAt: at, changedByMemberSince: true }, 'A', 'B')).toBe(
      'Entered by A with B present; changed by the member since.',
    );
  });
});

describe('confirming', () => {
  const entered = new Date('2027-02-02T10:00:00Z');
  it('a later save by the member makes the score theirs again', () => {
    expect(changedByMemberSince(entered, entered)).toBe(false);
    expect(changedByMemberSince(new Date(entered.getTime() + 1), entered)).toBe(true);
  });
  it('confirms only entries neither confirmed nor changed since, and refuses when none is left', () => {
    const entries = [
      { id: 'a', confirmedByMemberAt: null, changedByMemberSince: false },
      { id: 'b', confirmedByMemberAt: entered, changedByMemberSince: false },
      { id: 'c', confirmedByMemberAt: null, changedByMemberSince: true },
    ];
    expect(toConfirm(entries).map((e) => e.id)).toEqual(['a']);
    expect(problem(() => assertSomethingToConfirm(0))).toMatchObject({ code: 'invalid_state' });
    expect(() => assertSomethingToConfirm(1)).not.toThrow();
  });
  it('builds the markers by member, bid and criterion, with the member named as on the record', () => {
    const markers = entryMarkers(
      [
        {
          panelMemberId: 'm1',
          bidId: 'b1',
          criterionId: 'c1',
          method: 'paper_form',
          enteredById: 'u1',
          enteredByName: 'Amara Okafor',
          enteredAt: entered,
          confirmedByMemberAt: null,
          savedAt: entered,
        },
      ],
      new Map([['m1', 'Lived experience 1']]),
    );
    expect(markers.get(entryKey('m1', 'b1', 'c1'))).toMatchObject({
      method: 'paper_form',
      changedByMemberSince: false,
      words: "From Lived experience 1's paper form, entered by Amara Okafor.",
    });
  });
});
