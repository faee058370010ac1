import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import {
  assertNeed,
  assertPurpose,
  bidEntryAs,
  bidViewOf,
  listScope,
  panelBidAccess,
  relationOf,
  sealedFrom,
  tiesToLoad,
  type BidFacts,
  type PanelFacts,
  type TenderFacts,
  type TenderRelation,
} from './access-rules';

const CLOSED = new Date('2027-01-31T12:00:00.000Z');
const published: TenderFacts = { id: 't1', status: 'published', closedAt: null, publishedAt: new Date('2026-11-01T00:00:00Z') };
const inEvaluation: TenderFacts = { ...published, status: 'evaluation', closedAt: CLOSED };
const draft: TenderFacts = { ...published, status: 'draft', publishedAt: null };

const caller = (role: Caller['role'], extra: Partial<Caller> = {}): Caller => ({
  id: `${role}-1`,
  role,
  email: `${role}@example.org`,
  name: role,
  organisationId: role === 'bidder' ? 'org-1' : null,
  ...extra,
});
const commissioner = caller('commissioner');
const panelist = caller('panelist');
const bidder = caller('bidder');
const seatSession = caller('panelist', { seat: { tenderId: 't1', panelMemberId: 'seat-1' } });

const team: TenderRelation = { teamRole: 'owner', panelMemberId: null, bidderMayView: false };
const panel: TenderRelation = { teamRole: null, panelMemberId: 'seat-1', bidderMayView: false };
const asBidder: TenderRelation = { teamRole: null, panelMemberId: null, bidderMayView: true };

const bid = (extra: Partial<BidFacts> = {}): BidFacts => ({
  id: 'b1',
  paper: false,
  bidderUserId: 'someone-else',
  organisationId: 'org-2',
  status: 'submitted',
  submittedVersionId: 'v1',
  ...extra,
});
const declaredAll: PanelFacts = {
  panelBidIds: ['b1', 'b2'],
  declared: new Map([
    ['b1', false],
    ['b2', false],
  ]),
};

const problem = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
};

describe('how a caller relates to a tender', () => {
  it('takes a team role only for commissioner and procurement accounts, a seat only for panelists', () => {
    const ties = { teamRole: 'commissioner' as const, seatId: 'seat-1' };
    expect(relationOf(commissioner, published, ties)).toEqual({
      teamRole: 'commissioner',
      panelMemberId: null,
      bidderMayView: false,
    });
    expect(relationOf(caller('procurement'), published, ties).teamRole).toBe('commissioner');
    expect(relationOf(panelist, published, ties)).toEqual({ teamRole: null, panelMemberId: 'seat-1', bidderMayView: false });
    expect(relationOf(caller('admin'), published, ties)).toEqual({ teamRole: null, panelMemberId: null, bidderMayView: false });
  });

  it('lets a bidder view a tender once published, never a draft', () => {
    expect(relationOf(bidder, published, { teamRole: null, seatId: null }).bidderMayView).toBe(true);
    expect(relationOf(bidder, draft, { teamRole: null, seatId: null }).bidderMayView).toBe(false);
  });

  it('gives an invitation session its seat and nothing else, whatever the account', () => {
    expect(relationOf(seatSession, published, { teamRole: 'owner', seatId: 'seat-1' })).toEqual(panel);
    expect(tiesToLoad(seatSession)).toEqual({ team: false, seat: true });
    expect(tiesToLoad(caller('bidder', { seat: { tenderId: 't1', panelMemberId: 's' } }))).toEqual({ team: false, seat: true });
  });

  it('loads only the ties a role can have', () => {
    expect(tiesToLoad(commissioner)).toEqual({ team: true, seat: false });
    expect(tiesToLoad(panelist)).toEqual({ team: false, seat: true });
    expect(tiesToLoad(bidder)).toEqual({ team: false, seat: false });
    expect(tiesToLoad(caller('admin'))).toEqual({ team: false, seat: false });
  });

  it('answers 404 to whoever does not see the tender and 403 to whoever sees it but may not act', () => {
    const none: TenderRelation = { teamRole: null, panelMemberId: null, bidderMayView: false };
    expect(problem(() => assertNeed(none, 'view'))).toBe('not_found');
    expect(problem(() => assertNeed(panel, 'view'))).toBe('none');
    expect(problem(() => assertNeed(panel, 'team'))).toBe('forbidden');
    expect(problem(() => assertNeed(asBidder, 'team'))).toBe('forbidden');
    expect(problem(() => assertNeed({ ...team, teamRole: 'commissioner' }, 'team'))).toBe('none');
    expect(problem(() => assertNeed({ ...team, teamRole: 'commissioner' }, 'owner'))).toBe('forbidden');
    expect(problem(() => assertNeed(team, 'owner'))).toBe('none');
  });

  it('lets the team enter paper bids and bidders their own; the panel may not', () => {
    expect(bidEntryAs(commissioner, team)).toBe('team');
    expect(bidEntryAs(bidder, asBidder)).toBe('bidder');
    expect(problem(() => bidEntryAs(panelist, panel))).toBe('forbidden');
  });
});

describe('how a bid shows to a caller (the sealed box)', () => {
  it("shows a bidder their own bid in every state, never a rival's, never a paper bid", () => {
    for (const status of ['draft', 'submitted', 'withdrawn', 'disqualified'] as const) {
      expect(bidViewOf(bidder, published, asBidder, bid({ organisationId: 'org-1', status }), null)).toEqual({
        viewer: 'bidder',
        keeper: true,
      });
    }
    expect(bidViewOf(bidder, published, asBidder, bid({ bidderUserId: bidder.id, organisationId: null }), null)).toEqual({
      viewer: 'bidder',
      keeper: true,
    });
    expect(bidViewOf(bidder, inEvaluation, asBidder, bid(), null)).toBeNull();
    expect(bidViewOf(bidder, published, asBidder, bid({ paper: true, organisationId: 'org-1' }), null)).toBeNull();
  });

  it('shows the team nothing while sealed but the paper bids it keeps; counted bids once open', () => {
    expect(bidViewOf(commissioner, published, team, bid(), null)).toBeNull();
    expect(
      bidViewOf(commissioner, published, team, bid({ paper: true, status: 'draft', submittedVersionId: null }), null),
    ).toEqual({
      viewer: 'team',
      keeper: true,
    });
    expect(bidViewOf(commissioner, inEvaluation, team, bid(), null)).toEqual({ viewer: 'team', keeper: false });
    expect(bidViewOf(commissioner, inEvaluation, team, bid({ paper: true }), null)).toEqual({ viewer: 'team', keeper: false });
    expect(bidViewOf(commissioner, inEvaluation, team, bid({ status: 'disqualified' }), null)).toEqual({
      viewer: 'team',
      keeper: false,
    });
    expect(bidViewOf(commissioner, inEvaluation, team, bid({ status: 'withdrawn' }), null)).toBeNull();
    expect(bidViewOf(commissioner, inEvaluation, team, bid({ status: 'draft', submittedVersionId: null }), null)).toBeNull();
  });

  it('keeps bids sealed for good when the tender was cancelled before closing', () => {
    const cancelledSealed: TenderFacts = { ...published, status: 'cancelled', closedAt: null };
    const cancelledOpen: TenderFacts = { ...published, status: 'cancelled', closedAt: CLOSED };
    expect(bidViewOf(commissioner, cancelledSealed, team, bid(), null)).toBeNull();
    expect(bidViewOf(commissioner, cancelledOpen, team, bid(), null)).toEqual({ viewer: 'team', keeper: false });
    expect(problem(() => listScope(commissioner, cancelledSealed, team))).toBe('invalid_state');
  });

  it('shows a panel member a bid only once declared on every panel bid, never one with a conflict', () => {
    expect(bidViewOf(panelist, inEvaluation, panel, bid(), declaredAll)).toEqual({ viewer: 'panel', keeper: false });
    const oneLeft: PanelFacts = { panelBidIds: ['b1', 'b2'], declared: new Map([['b1', false]]) };
    expect(bidViewOf(panelist, inEvaluation, panel, bid(), oneLeft)).toBe('undeclared');
    const conflicted: PanelFacts = {
      panelBidIds: ['b1', 'b2'],
      declared: new Map([
        ['b1', true],
        ['b2', false],
      ]),
    };
    expect(bidViewOf(panelist, inEvaluation, panel, bid(), conflicted)).toBeNull();
    expect(bidViewOf(panelist, inEvaluation, panel, bid({ id: 'b2' }), conflicted)).toEqual({ viewer: 'panel', keeper: false });
    expect(bidViewOf(panelist, published, panel, bid(), declaredAll)).toBeNull();
  });

  it('answers the panel rules from the facts read once: not a panel bid, conflict, undeclared, ok', () => {
    expect(panelBidAccess(declaredAll, 'b3')).toBe('not_found');
    expect(panelBidAccess({ panelBidIds: ['b1'], declared: new Map([['b1', true]]) }, 'b1')).toBe('conflict');
    expect(panelBidAccess({ panelBidIds: ['b1', 'b2'], declared: new Map() }, 'b1')).toBe('undeclared');
    expect(panelBidAccess(declaredAll, 'b2')).toBe('ok');
  });

  it('refuses to change a bid one does not keep, and to assess one unless on the team', () => {
    expect(problem(() => assertPurpose({ viewer: 'bidder', keeper: true }, bid(), 'change'))).toBe('none');
    expect(problem(() => assertPurpose({ viewer: 'team', keeper: false }, bid(), 'change'))).toBe('forbidden');
    expect(problem(() => assertPurpose({ viewer: 'team', keeper: false }, bid(), 'assess'))).toBe('none');
    expect(problem(() => assertPurpose({ viewer: 'panel', keeper: false }, bid(), 'assess'))).toBe('forbidden');
    expect(problem(() => assertPurpose({ viewer: 'bidder', keeper: true }, bid(), 'read'))).toBe('none');
  });

  it('lists for a bidder their own, for the team and panel the counted bids once open; the team is refused while sealed', () => {
    expect(listScope(bidder, published, asBidder)).toBe('own');
    expect(listScope(commissioner, inEvaluation, team)).toBe('counted');
    expect(listScope(panelist, inEvaluation, panel)).toBe('counted');
    expect(listScope(panelist, published, panel)).toBe('none');
    expect(listScope(caller('admin'), inEvaluation, { teamRole: null, panelMemberId: null, bidderMayView: false })).toBe('none');
    expect(problem(() => listScope(commissioner, published, team))).toBe('invalid_state');
  });

  it('calls a hidden bid sealed for a bidder always, for the team and panel only until closing', () => {
    expect(sealedFrom(bidder, inEvaluation, asBidder)).toBe(true);
    expect(sealedFrom(commissioner, published, team)).toBe(true);
    expect(sealedFrom(commissioner, inEvaluation, team)).toBe(false);
    expect(sealedFrom(panelist, published, panel)).toBe(true);
    expect(sealedFrom(caller('admin'), published, { teamRole: null, panelMemberId: null, bidderMayView: false })).toBe(false);
  });
});
