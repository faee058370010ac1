import fc from 'fast-check';
import { DomainError } from '../../common/domain/domain-error';
import { TENDER_STATUSES } from '../../tenders/domain/tender-lifecycle';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import {
  assertDeclarationsOpen,
  assertMayInvite,
  assertMayJoinPanel,
  assertMayLeavePanel,
  blindLabels,
  declarationChange,
  guidanceFor,
  invitationExpiry,
  invitationState,
  memberProgress,
  outstandingDeclarations,
  panelBidName,
  pseudonymFor,
  scaleLevelsFor,
  seatContact,
} from './panel-rules';

const at = (iso: string) => new Date(iso);

describe('panel membership by tender status', () => {
  it('lets members join while draft, published or in evaluation, never from moderation on', () => {
    for (const status of ['draft', 'published', 'evaluation'] as const) expect(() => assertMayJoinPanel(status)).not.toThrow();
    for (const status of ['moderation', 'awarded', 'cancelled'] as const) {
      expect(() => assertMayJoinPanel(status)).toThrow(DomainError);
    }
    expect(() => assertMayJoinPanel('moderation')).toThrow(
      'Panel members can be added while the tender is a draft, published or in evaluation; it is in moderation.',
    );
  });

  it('lets members leave only before evaluation', () => {
    expect(() => assertMayLeavePanel('draft')).not.toThrow();
    expect(() => assertMayLeavePanel('published')).not.toThrow();
    for (const status of ['evaluation', 'moderation', 'awarded', 'cancelled'] as const) {
      expect(() => assertMayLeavePanel(status)).toThrow(/only before evaluation/);
    }
  });

  it('issues invitations in every open state, none once awarded or cancelled', () => {
    for (const status of TENDER_STATUSES) {
      if (status === 'awarded' || status === 'cancelled') expect(() => assertMayInvite(status)).toThrow(/no invitations/);
      else expect(() => assertMayInvite(status)).not.toThrow();
    }
  });
});

describe('seatContact: how the team sees a member', () => {
  const account = { name: 'Dr Ada Jones', email: 'ada@nhs.example' };

  it('added by email: the name and email typed until the seat is accepted, then the account name', () => {
    const typed = { contactName: 'Ada (typed)', contactEmail: 'ada@nhs.example', acceptedAt: null };
    expect(seatContact(typed, account)).toEqual({ name: 'Ada (typed)', email: 'ada@nhs.example' });
    expect(seatContact({ ...typed, acceptedAt: at('2026-11-23T10:00:00Z') }, account)).toEqual(account);
  });

  it('keeps the typed address over a lay account placeholder, even once accepted', () => {
    const lay = { contactName: 'Sam', contactEmail: 'sam@example.org', acceptedAt: at('2026-11-23T10:00:00Z') };
    expect(seatContact(lay, { name: 'Sam', email: 'seat-1@panel.invalid' })).toEqual({ name: 'Sam', email: 'sam@example.org' });
  });

  it('added by userId (nothing typed): the account', () => {
    expect(seatContact({ contactName: null, contactEmail: null, acceptedAt: null }, account)).toEqual(account);
  });
});

describe('pseudonymFor', () => {
  it('names lived-experience members by order of joining and professionals by name', () => {
    const names = pseudonymFor([
      { id: 'p1', group: 'professional', joinOrder: 1, name: 'Dr Ada Jones' },
      { id: 'l2', group: 'lived_experience', joinOrder: 4, name: 'Sam' },
      { id: 'l1', group: 'lived_experience', joinOrder: 2, name: 'Jo' },
      { id: 'p2', group: 'professional', joinOrder: 3, name: 'Raj Patel' },
    ]);
    expect(names.get('l1')).toBe('Lived experience 1');
    expect(names.get('l2')).toBe('Lived experience 2');
    expect(names.get('p1')).toBe('Dr Ada Jones');
    expect(names.get('p2')).toBe('Raj Patel');
  });

  it('never reveals a lived-experience name and gives each a distinct number, whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (orders, lived) => {
          const members = orders.map((joinOrder, i) => ({
            id: `m${joinOrder}`,
            group: lived[i] ? ('lived_experience' as const) : ('professional' as const),
            joinOrder,
            name: `Real name ${joinOrder}`,
          }));
          const names = pseudonymFor(members);
          const livedNames = members.filter((m) => m.group === 'lived_experience').map((m) => names.get(m.id)!);
          const expected = livedNames.map((_, i) => `Lived experience ${i + 1}`);
          return (
            livedNames.every((name) => name.startsWith('Lived experience ')) &&
            new Set(livedNames).size === livedNames.length &&
            [...livedNames].sort((a, b) => a.localeCompare(b)).join() === [...expected].sort((a, b) => a.localeCompare(b)).join()
          );
        },
      ),
    );
  });
});

describe('blind labels', () => {
  it('numbers bids by submission time, then id, and keeps disqualified bids in the count', () => {
    const labels = blindLabels([
      { id: 'c', submittedAt: at('2026-12-01T10:00:00Z') },
      { id: 'a', submittedAt: at('2026-12-02T10:00:00Z') },
      { id: 'b', submittedAt: at('2026-12-01T10:00:00Z') },
    ]);
    expect([...labels.entries()]).toEqual([
      ['b', 'Bid 1'],
      ['c', 'Bid 2'],
      ['a', 'Bid 3'],
    ]);
  });

  it('shows the label under blind marking and the bidder name otherwise', () => {
    const labels = new Map([['x', 'Bid 2']]);
    expect(panelBidName({ id: 'x', bidderName: 'Mind in Camden' }, true, labels)).toBe('Bid 2');
    expect(panelBidName({ id: 'x', bidderName: 'Mind in Camden' }, false, labels)).toBe('Mind in Camden');
  });
});

describe('declarations of interest', () => {
  it('accepts a first declaration either way', () => {
    expect(declarationChange(null, { conflict: false, details: null })).toBe('created');
    expect(declarationChange(null, { conflict: true, details: 'My sister works there.' })).toBe('created');
  });

  it('allows no conflict → conflict at any time', () => {
    expect(declarationChange({ conflict: false, details: null }, { conflict: true, details: 'I volunteer there.' })).toBe(
      'escalated',
    );
  });

  it('refuses conflict → no conflict with a 409', () => {
    const attempt = () => declarationChange({ conflict: true, details: 'Former employer.' }, { conflict: false, details: null });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      'A declared conflict of interest cannot be withdrawn. Ask the tender team if it was recorded by mistake.',
    );
  });

  it('treats the same declaration again as unchanged, and refuses rewording', () => {
    expect(declarationChange({ conflict: true, details: 'X' }, { conflict: true, details: 'X' })).toBe('unchanged');
    expect(declarationChange({ conflict: false, details: null }, { conflict: false, details: null })).toBe('unchanged');
    expect(() => declarationChange({ conflict: true, details: 'X' }, { conflict: true, details: 'Y' })).toThrow(
      /cannot be reworded/,
    );
  });

  it('opens declarations with the bids and keeps them open through moderation', () => {
    expect(() => assertDeclarationsOpen('evaluation')).not.toThrow();
    expect(() => assertDeclarationsOpen('moderation')).not.toThrow();
    expect(() => assertDeclarationsOpen('published')).toThrow(
      'Bids are sealed until the tender closes; declarations of interest open then.',
    );
    expect(() => assertDeclarationsOpen('awarded')).toThrow('The tender is awarded; declarations are closed.');
  });

  it('lists the bids still to declare on, in order', () => {
    expect(outstandingDeclarations(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
    expect(outstandingDeclarations(['a'], new Set(['a']))).toEqual([]);
  });
});

describe('wording by group', () => {
  const criterion = { guidance: 'Evidence of peer roles with supervision.', plainGuidance: 'Will people help each other?' };

  it('gives lived-experience members the plain guidance and professionals the professional one', () => {
    expect(guidanceFor('lived_experience', criterion)).toBe('Will people help each other?');
    expect(guidanceFor('professional', criterion)).toBe('Evidence of peer roles with supervision.');
  });

  it('falls back on the other wording when only one was written', () => {
    expect(guidanceFor('lived_experience', { guidance: 'Only pro.', plainGuidance: null })).toBe('Only pro.');
    expect(guidanceFor('professional', { guidance: null, plainGuidance: 'Only plain.' })).toBe('Only plain.');
    expect(guidanceFor('professional', { guidance: null, plainGuidance: null })).toBeNull();
  });

  it('labels every level of the scale in the group’s wording', () => {
    const scale = {
      min: 0,
      max: 2,
      labels: {
        '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' },
        '1': { label: 'Poor', plainLabel: 'Answers a little' },
      },
    };
    expect(scaleLevelsFor('lived_experience', scale)).toEqual([
      { score: 0, label: 'Does not answer the question' },
      { score: 1, label: 'Answers a little' },
      { score: 2, label: 'Score 2' },
    ]);
    expect(scaleLevelsFor('professional', scale).map((level) => level.label)).toEqual(['Unacceptable', 'Poor', 'Score 2']);
  });
});

describe('invitations', () => {
  const issued = at('2026-11-23T09:00:00Z');

  it('expire 14 days after issue', () => {
    expect(invitationExpiry(issued).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('are pending until used, revoked or expired (expiry instant included)', () => {
    const expiresAt = invitationExpiry(issued);
    const base = { usedAt: null, revokedAt: null, expiresAt };
    expect(invitationState(base, issued)).toBe('pending');
    expect(invitationState(base, new Date(expiresAt.getTime() - 1))).toBe('pending');
    expect(invitationState(base, expiresAt)).toBe('expired');
    expect(invitationState({ ...base, usedAt: issued }, issued)).toBe('used');
    expect(invitationState({ ...base, revokedAt: issued }, issued)).toBe('revoked');
  });

  it('tokens carry 256 random bits, base64url, and only their SHA-256 hash is kept', () => {
    const { token, tokenHash } = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashInvitationToken(token));
    expect(tokenHash).not.toContain(token);
    expect(newInvitationToken().token).not.toBe(token);
  });
});

describe('member progress (what the team sees before moderation)', () => {
  it('counts declarations, conflicts and saved/submitted scores, never values', () => {
    const progress = memberProgress({
      panelBidIds: ['a', 'b', 'c'],
      declarations: [
        { bidId: 'a', conflict: false },
        { bidId: 'b', conflict: true },
      ],
      criterionIds: ['q1', 'c1'],
      scores: [
        { bidId: 'a', criterionId: 'q1', status: 'submitted' },
        { bidId: 'a', criterionId: 'c1', status: 'submitted' },
        { bidId: 'b', criterionId: 'q1', status: 'submitted' }, // conflicted: no longer counts
        { bidId: 'c', criterionId: 'q1', status: 'draft' },
        { bidId: 'c', criterionId: 'x9', status: 'draft' }, // not a criterion of the group
      ],
    });
    expect(progress).toEqual({
      bidsToDeclare: 3,
      declared: 2,
      declaredOnAllBids: false,
      conflicts: 1,
      bidsToScore: 2,
      scoresExpected: 4,
      scoresSaved: 3,
      scoresSubmitted: 2,
      bidsSubmitted: 1,
    });
  });

  it('is complete with no bids to declare on', () => {
    expect(memberProgress({ panelBidIds: [], declarations: [], criterionIds: ['q1'], scores: [] })).toMatchObject({
      declaredOnAllBids: true,
      bidsToScore: 0,
      bidsSubmitted: 0,
    });
  });
});
