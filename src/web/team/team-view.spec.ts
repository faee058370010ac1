import { bidProgress } from '../../panel/domain/panel-rules';
import {
  criteriaRows,
  nextStep,
  quorumWords,
  scoringDeadlineWords,
  splitWords,
  timeLeft,
  treeTotals,
  ukDateTimeToIso,
  type TreeNode,
} from './team-view';
import { moveAmongSiblings } from './criteria-order';

const node = (code: string, weight: number, kind: string, category: string | null, children: TreeNode[] = []): TreeNode => ({
  id: code,
  code,
  title: code,
  kind,
  category,
  weight,
  scoredBy: kind === 'scored' ? ['lived_experience', 'professional'] : [],
  children,
});

describe('team pages: presentation rules', () => {
  it('reads a UK date and time as the instant it means, summer time included', () => {
    expect(ukDateTimeToIso('31', '1', '2027', '12:00')).toBe('2027-01-31T12:00:00.000Z');
    // British Summer Time: 17:00 in London is 16:00 UTC.
    expect(ukDateTimeToIso('1', '7', '2027', '17:00')).toBe('2027-07-01T16:00:00.000Z');
    expect(ukDateTimeToIso('31', '2', '2027', '12:00')).toBeNull();
    expect(ukDateTimeToIso('1', '1', '2027', '25:00')).toBeNull();
    expect(ukDateTimeToIso('', '1', '2027', '12:00')).toBeNull();
  });

  it('says how long is left, or how long ago it closed', () => {
    const now = new Date('2026-11-23T09:00:00.000Z');
    expect(timeLeft('2027-01-31T12:00:00.000Z', now)).toBe('69 days left');
    expect(timeLeft('2026-11-23T14:30:00.000Z', now)).toBe('5 hours left');
    expect(timeLeft('2026-11-23T09:30:00.000Z', now)).toBe('Less than an hour left');
    expect(timeLeft('2026-11-21T09:00:00.000Z', now)).toBe('Closed 2 days ago');
  });

  it('names the next thing a tender in evaluation waits for', () => {
    const tender = {
      id: 't',
      status: 'evaluation' as const,
      bidDeadline: '2026-11-01T12:00:00.000Z',
      submittedBidCount: 4,
      openingApprovals: 1,
      openingApprovalsGiven: [],
    };
    const now = new Date('2026-11-23T09:00:00.000Z');
    expect(nextStep(tender, { panelMembers: 5, panelistsNotStarted: 3, bidsToCheckAgainstGates: 2 }, now)).toEqual({
      text: '3 panelists have not started; 2 bids to check against the gates',
      href: '/tenders/t/progress',
    });
    expect(nextStep(tender, { panelMembers: 5, panelistsNotStarted: 0, bidsToCheckAgainstGates: 1 }, now)).toEqual({
      text: '1 bid to check against the gates',
      href: '/tenders/t/bids',
    });
    // Nothing left but the panel's scoring: the page that starts moderation (it links to the progress).
    expect(nextStep(tender, { panelMembers: 5, panelistsNotStarted: 0, bidsToCheckAgainstGates: 0 }, now)).toEqual({
      text: 'Start moderation once the panel has scored',
      href: '/tenders/t/moderation',
    });
    const published = { ...tender, status: 'published' as const, openingApprovals: 2, openingApprovalsGiven: [{}] };
    expect(nextStep(published, { panelMembers: 5, panelistsNotStarted: 5, bidsToCheckAgainstGates: 0 }, now)?.text).toBe(
      'Another team member must approve opening the bids',
    );
  });

  it('puts the quorum in words and says whether the panel meets it', () => {
    expect(quorumWords({ minScorers: 2, equalRepresentation: true }, { livedExperience: 1, professional: 2 }, true)).toEqual({
      rule: [
        'Each criterion needs scores from at least 2 panel members on every bid.',
        'Where lived-experience members score a criterion, at least one of them must score it on every bid.',
        'The panel must have at least as many lived-experience members as professional members.',
      ],
      met: false,
      problems: ['The panel has 1 lived-experience and 2 professional members.'],
    });
    expect(quorumWords({ minScorers: 2, equalRepresentation: false }, { livedExperience: 1, professional: 1 }, true).met).toBe(
      true,
    );
  });

  it('shows each section’s sum against its own weight, and warns under 10 % Social Value', () => {
    // Quality 60 = Q1 35 + Q2 20 (55: does not add up); Social value 5 (under 10: a warning); price 35.
    const tree = [
      node('Q', 60, 'section', null, [node('Q1', 35, 'scored', 'quality'), node('Q2', 20, 'scored', 'co_production')]),
      node('SV1', 5, 'scored', 'social_outcome'),
      node('P', 35, 'price', 'price'),
    ];
    const rows = criteriaRows(tree);
    expect(rows.map((row) => [row.code, row.depth, row.sum])).toEqual([
      ['Q', 0, { text: 'Its criteria add up to 55% of its 60%', matches: false }],
      ['Q1', 1, null],
      ['Q2', 1, null],
      ['SV1', 0, null],
      ['P', 0, null],
    ]);
    expect(treeTotals(tree)).toEqual({ total: '100%', totalMatches: true, socialValue: '5%', socialValueWarning: true });
    // Weights with two decimals add up exactly: 33.33 + 33.33 + 33.34 = 100.
    expect(
      criteriaRows([
        node('S', 100, 'section', null, [
          node('A', 33.33, 'scored', 'quality'),
          node('B', 33.33, 'scored', 'quality'),
          node('C', 33.34, 'scored', 'quality'),
        ]),
      ])[0].sum?.matches,
    ).toBe(true);
  });

  it('words a split between the groups professional first, and nothing without one', () => {
    expect(splitWords({ lived_experience: 40, professional: 60 })).toBe('Professional 60%, lived experience 40%');
    expect(splitWords(null)).toBe('');
    expect(splitWords(undefined)).toBe('');
  });

  it('says when scoring closes, closed, or that there is no scoring deadline', () => {
    const now = new Date('2027-02-20T12:00:00Z');
    expect(scoringDeadlineWords(null, now)).toBe('No scoring deadline set.');
    expect(scoringDeadlineWords('2027-02-28T17:00:00.000Z', now)).toBe(
      'Scoring closes on 28 February 2027, 17:00 (8 days left).',
    );
    // 17:00 UTC in June is 18:00 in UK time.
    expect(scoringDeadlineWords('2026-06-01T17:00:00.000Z', now)).toBe('Scoring closed on 1 June 2026, 18:00.');
  });

  it('moves a criterion among its siblings by swapping positions, or numbering afresh when they tie', () => {
    const siblings = [
      { id: 'a', order: 3 },
      { id: 'b', order: 5 },
      { id: 'c', order: 9 },
    ];
    expect(moveAmongSiblings(siblings, 'c', 'up')).toEqual([
      { id: 'c', order: 5 },
      { id: 'b', order: 9 },
    ]);
    expect(moveAmongSiblings(siblings, 'a', 'down')).toEqual([
      { id: 'a', order: 5 },
      { id: 'b', order: 3 },
    ]);
    expect(moveAmongSiblings(siblings, 'a', 'up')).toEqual([]);
    expect(moveAmongSiblings(siblings, 'c', 'down')).toEqual([]);
    expect(moveAmongSiblings(siblings, 'x', 'up')).toEqual([]);
    // Equal positions (a before b by code): the new sequence b, a, c is numbered 0, 1, 2;
    // b keeps 0 and c keeps 2, so only a changes.
    const tied = [
      { id: 'a', order: 0 },
      { id: 'b', order: 0 },
      { id: 'c', order: 2 },
    ];
    expect(moveAmongSiblings(tied, 'b', 'up')).toEqual([{ id: 'a', order: 1 }]);
  });

  it('marks which rows can move up or down within their section', () => {
    const rows = criteriaRows([
      node('Q', 60, 'section', null, [node('Q1', 30, 'scored', 'quality'), node('Q2', 30, 'scored', 'quality')]),
      node('P', 40, 'price', 'price'),
    ]);
    expect(rows.map((row) => [row.code, row.canMoveUp, row.canMoveDown])).toEqual([
      ['Q', false, true],
      ['Q1', false, true],
      ['Q2', true, false],
      ['P', true, false],
    ]);
  });

  it('says where a member is on a bid, never a score', () => {
    const criteria = ['a', 'b'];
    expect(bidProgress({ conflict: true, criterionIds: criteria, scores: [{ criterionId: 'a', status: 'draft' }] })).toBe(
      'conflict',
    );
    expect(bidProgress({ conflict: false, criterionIds: criteria, scores: [] })).toBe('not_started');
    expect(bidProgress({ conflict: false, criterionIds: criteria, scores: [{ criterionId: 'a', status: 'draft' }] })).toBe(
      'in_progress',
    );
    expect(
      bidProgress({
        conflict: false,
        criterionIds: criteria,
        scores: [
          { criterionId: 'a', status: 'draft' },
          { criterionId: 'b', status: 'draft' },
        ],
      }),
    ).toBe('completed');
    expect(
      bidProgress({
        conflict: false,
        criterionIds: criteria,
        scores: [
          { criterionId: 'a', status: 'submitted' },
          { criterionId: 'b', status: 'submitted' },
        ],
      }),
    ).toBe('submitted');
    // A score on a criterion the member's group does not score does not count.
    expect(bidProgress({ conflict: false, criterionIds: criteria, scores: [{ criterionId: 'z', status: 'draft' }] })).toBe(
      'not_started',
    );
  });
});
