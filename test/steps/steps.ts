import type { CreateBidDto } from '../../src/bids/dto/create-bid.dto';
import type { RecordComplianceDto } from '../../src/bids/dto/bid-actions.dto';
import type { ModerateScoreDto } from '../../src/moderation/dto/moderation.dto';
import type { AddPanelMemberDto } from '../../src/panel/dto/add-panel-member.dto';
import type { DeclareInterestDto } from '../../src/panel/dto/declare-interest.dto';
import type { AwardTenderDto } from '../../src/results/dto/award.dto';
import type { SaveScoreDto } from '../../src/scoring/dto/save-score.dto';
import type { CreateTenderDto } from '../../src/tenders/dto/create-tender.dto';
import type { AddTeamMemberDto } from '../../src/tenders/dto/tender-actions.dto';
import type { SignedIn, TestApp } from '../app';
import {
  BID_TENDER_CRITERIA,
  bidAnswering,
  buildBid,
  buildTender,
  FUTURE_DEADLINE,
  LIVED_CODES,
  PANEL_CRITERIA,
  panelBid,
  PROFESSIONAL_CODES,
  type CriterionBody,
} from './bodies';

/**
 * The steps of a tender's life through the API, as a commissioner, bidders and a panel take
 * them. A step the test relies on throws with the response when it fails; a step whose
 * outcome the test asserts returns the response (`postBid`, `saveScore`, `getResults`…).
 * Steps take the app first, then the tender (its id, or the world for the owner's steps),
 * then who acts.
 */

export type PanelGroup = AddPanelMemberDto['group'];

/** A published tender, its owner and its deadline. */
export interface TenderWorld {
  t: TestApp;
  commissioner: SignedIn;
  tenderId: string;
  deadline: Date;
}

/** A tender in evaluation with submitted bids, in the order they were submitted. */
export interface PanelWorld extends TenderWorld {
  bidIds: string[];
  bidders: SignedIn[];
}

/** A panel member: the account (or seat session) and the member record. */
export interface Panelist extends SignedIn {
  memberId: string;
  group: PanelGroup;
}

/** The tender and its owner, for the steps only the owner takes. */
export type OwnedTender = Pick<TenderWorld, 'tenderId' | 'commissioner'>;

type Reply = { status: number; body: unknown };

export function expectStatus<R extends Reply>(response: R, status: number, what: string): R {
  if (response.status !== status) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

// Tenders

/** Creates a draft tender as `token` and returns its id. */
export async function createTender(t: TestApp, token: string, overrides: Partial<CreateTenderDto> = {}): Promise<string> {
  const response = await t.http().post('/api/tenders').set(bearer(token)).send(buildTender(overrides));
  return expectStatus(response, 201, 'create tender').body.id as string;
}

/** Creates and publishes a tender with the given flat criteria (codes as parentId). */
export async function createPublishedTender(
  t: TestApp,
  token: string,
  options: { criteria: CriterionBody[]; tender?: Partial<CreateTenderDto> },
): Promise<string> {
  const id = await createTender(t, token, options.tender);
  for (const criterion of options.criteria) {
    expectStatus(await t.http().post(`/api/tenders/${id}/criteria`).set(bearer(token)).send(criterion), 201, 'create criterion');
  }
  expectStatus(await t.http().post(`/api/tenders/${id}/publish`).set(bearer(token)), 200, 'publish');
  return id;
}

/**
 * A published tender with `criteria`, owned by `commissioner` (a fresh one by default); the
 * clock set before its deadline (FUTURE_DEADLINE unless `tender.bidDeadline` says otherwise).
 */
export async function publishedTender(
  t: TestApp,
  options: { criteria: CriterionBody[]; tender?: Partial<CreateTenderDto>; commissioner?: SignedIn },
): Promise<TenderWorld> {
  t.clock.set('2026-11-23T09:00:00.000Z');
  const commissioner = options.commissioner ?? (await t.user('commissioner'));
  const tender = { bidDeadline: FUTURE_DEADLINE, ...options.tender };
  const tenderId = await createPublishedTender(t, commissioner.token, { criteria: options.criteria, tender });
  return { t, commissioner, tenderId, deadline: new Date(tender.bidDeadline) };
}

/** A published tender on BID_TENDER_CRITERIA (every bid rule). */
export function bidWorld(t: TestApp, options: { deadline?: string } = {}): Promise<TenderWorld> {
  return publishedTender(t, { criteria: BID_TENDER_CRITERIA, tender: { bidDeadline: options.deadline ?? FUTURE_DEADLINE } });
}

/** A published tender on PANEL_CRITERIA (the two panel groups). */
/**
 * A published panel tender owned by a fresh commissioner (clock before the deadline); with
 * `buyer`, the commissioner's account belongs to that organisation (the pages' buying organisation).
 */
export async function panelTender(t: TestApp, tender: Partial<CreateTenderDto> = {}, buyer?: string): Promise<TenderWorld> {
  const commissioner = buyer ? await t.user('commissioner', { organisationName: buyer, organisationType: 'public' }) : undefined;
  return publishedTender(t, { criteria: PANEL_CRITERIA, tender, commissioner });
}

/**
 * Moves the clock past the deadline (FUTURE_DEADLINE when the world has none) and closes the
 * tender (→ evaluation). A tender that needs two opening approvals (the templates ask for
 * two) gets the second from a procurement officer the owner adds to the team.
 */
export async function closeTender(world: OwnedTender & { t: TestApp; deadline?: Date }): Promise<void> {
  const { t, tenderId, commissioner } = world;
  t.clock.set(new Date((world.deadline ?? new Date(FUTURE_DEADLINE)).getTime() + 1000));
  const first = await t.http().post(`/api/tenders/${tenderId}/close`).set(commissioner.auth);
  if (first.status === 200) return;
  expectStatus(first, 202, 'close (first approval)');
  const second = await t.user('procurement');
  const team: AddTeamMemberDto = { userId: second.id, role: 'procurement' };
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/team`).set(commissioner.auth).send(team), 201, 'add team member');
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/close`).set(second.auth), 200, 'close (second approval)');
}

// Bids

/** POSTs a bid (buildBid with `overrides`); returns the response (assert it yourself). */
export function postBid(t: TestApp, who: SignedIn, tenderId: string, overrides: Partial<CreateBidDto> = {}) {
  return t.http().post(`/api/tenders/${tenderId}/bids`).set(who.auth).send(buildBid(overrides));
}

/** Creates and submits a bid (buildBid with `overrides`); returns its id. */
export async function submittedBid(
  t: TestApp,
  who: SignedIn,
  tenderId: string,
  overrides: Partial<CreateBidDto> = {},
): Promise<string> {
  const created = expectStatus(await postBid(t, who, tenderId, overrides), 201, 'create bid');
  const bidId = (created.body as { id: string }).id;
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/bids/${bidId}/submit`).set(who.auth), 200, 'submit bid');
  return bidId;
}

/** A new bidder account named `bidderName` submits a bid answering `scoredCodes`. */
export async function newBidderSubmits(
  t: TestApp,
  tenderId: string,
  bidderName: string,
  price: number,
  scoredCodes: string[],
): Promise<{ bidId: string; bidder: SignedIn }> {
  const bidder = await t.user('bidder', { organisationName: bidderName });
  return { bidId: await submittedBid(t, bidder, tenderId, bidAnswering(bidderName, price, scoredCodes)), bidder };
}

/** A panel tender with bids from `bidders` (one minute apart, in order, panelBid at £100 000 + £10 000 each), closed: evaluation. */
export async function panelTenderInEvaluation(
  t: TestApp,
  options: {
    tender?: Partial<CreateTenderDto>;
    bidders?: string[];
    buyer?: string;
    beforeClose?: (world: TenderWorld) => Promise<void>;
  } = {},
): Promise<PanelWorld> {
  const world = await panelTender(t, options.tender, options.buyer);
  const bidIds: string[] = [];
  const bidders: SignedIn[] = [];
  for (const [index, name] of (options.bidders ?? ['Mind in Camden', 'Certitude']).entries()) {
    t.clock.advance(60_000);
    const bidder = await t.user('bidder', { organisationName: name });
    bidders.push(bidder);
    bidIds.push(await submittedBid(t, bidder, world.tenderId, panelBid(name, 100_000 + index * 10_000)));
  }
  if (options.beforeClose) await options.beforeClose(world);
  await closeTender(world);
  return { ...world, bidIds, bidders };
}

// Panel

async function addToPanel(t: TestApp, tender: OwnedTender, body: AddPanelMemberDto) {
  const added = await t.http().post(`/api/tenders/${tender.tenderId}/panel`).set(tender.commissioner.auth).send(body);
  return expectStatus(added, 201, 'add panel member').body as { id: string; userId: string };
}

/** Adds a panelist account (created through the admin API, signed in by password) to the panel. */
export async function addPanelist(t: TestApp, tender: OwnedTender, group: PanelGroup, role?: string): Promise<Panelist> {
  const account = await t.user('panelist');
  const added = await addToPanel(t, tender, { userId: account.id, group, ...(role ? { role } : {}) });
  return { ...account, memberId: added.id, group };
}

let layCounter = 0;

/**
 * Adds someone without an account by name and email: a panelist account without a password
 * is created, and they sign in through an invitation (a session for this seat only).
 */
export async function addLayPanelist(t: TestApp, tender: OwnedTender, group: PanelGroup, role?: string): Promise<Panelist> {
  layCounter += 1;
  const name = `Lay member ${layCounter}`;
  const email = `lay-member-${layCounter}-${Date.now()}@example.org`;
  const added = await addToPanel(t, tender, { name, email, group, ...(role ? { role } : {}) });
  const token = await redeemSeat(t, tender, added.id);
  return { id: added.userId, email, name, token, auth: bearer(token), memberId: added.id, group };
}

/** Issues an invitation for the member and redeems it: the access token of a session for that seat. */
export async function redeemSeat(t: TestApp, tender: OwnedTender, memberId: string): Promise<string> {
  const issued = await t
    .http()
    .post(`/api/tenders/${tender.tenderId}/panel/${memberId}/invitation`)
    .set(tender.commissioner.auth);
  expectStatus(issued, 201, 'invitation');
  const session = await t.http().post('/api/auth/invitation').send({ token: issued.body.token });
  return expectStatus(session, 200, 'redemption').body.accessToken as string;
}

/** Declares on each bid: a conflict on those in `conflicts`, none on the others. */
export async function declare(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  bidIds: string[],
  conflicts: string[] = [],
): Promise<void> {
  for (const bidId of bidIds) {
    const body: DeclareInterestDto = conflicts.includes(bidId)
      ? { conflict: true, details: 'I volunteer with this organisation.' }
      : { conflict: false };
    expectStatus(await t.http().put(`/api/tenders/${tenderId}/declarations/${bidId}`).set(who.auth).send(body), 200, 'declare');
  }
}

// Scoring, moderation, results

export function saveScore(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  bidId: string,
  code: string,
  score: number,
  rationale = `Scored ${score} on ${code}.`,
) {
  const body: SaveScoreDto = { score, rationale };
  return t.http().put(`/api/tenders/${tenderId}/bids/${bidId}/scores/${code}`).set(who.auth).send(body);
}

export function submitScores(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t.http().post(`/api/tenders/${tenderId}/bids/${bidId}/scores/submit`).set(who.auth);
}

/**
 * Saves the member's scores on a bid and submits them: `code → score`, or one number for
 * every PANEL_CRITERIA code of the member's group.
 */
export async function scoreAndSubmit(
  t: TestApp,
  tenderId: string,
  who: Panelist,
  bidId: string,
  scores: number | Record<string, number>,
): Promise<void> {
  const byCode =
    typeof scores === 'number'
      ? Object.fromEntries((who.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES).map((code) => [code, scores]))
      : scores;
  for (const [code, value] of Object.entries(byCode))
    expectStatus(await saveScore(t, tenderId, who, bidId, code, value), 200, `score ${code}`);
  expectStatus(await submitScores(t, tenderId, who, bidId), 200, 'submit scores');
}

export async function recordGate(
  t: TestApp,
  tenderId: string,
  owner: SignedIn,
  bidId: string,
  code: string,
  passed: boolean,
): Promise<void> {
  const body: RecordComplianceDto = passed
    ? { passed }
    : { passed, note: 'No current employer’s liability insurance certificate was supplied.' };
  expectStatus(
    await t.http().put(`/api/tenders/${tenderId}/bids/${bidId}/compliance/${code}`).set(owner.auth).send(body),
    200,
    `gate ${code}`,
  );
}

export async function startModeration(t: TestApp, tenderId: string, owner: SignedIn): Promise<void> {
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/start-moderation`).set(owner.auth), 200, 'start moderation');
}

export async function moderate(
  t: TestApp,
  tenderId: string,
  owner: SignedIn,
  bidId: string,
  code: string,
  score: number,
): Promise<void> {
  const body: ModerateScoreDto = { score, rationale: `The panel agreed ${score} on ${code} after discussion.` };
  expectStatus(
    await t.http().put(`/api/tenders/${tenderId}/bids/${bidId}/moderated/${code}`).set(owner.auth).send(body),
    200,
    `moderate ${code}`,
  );
}

export function getResults(t: TestApp, tenderId: string, who: SignedIn) {
  return t.http().get(`/api/tenders/${tenderId}/results`).set(who.auth);
}

export function award(t: TestApp, tenderId: string, who: SignedIn, body: AwardTenderDto = {}) {
  return t.http().post(`/api/tenders/${tenderId}/award`).set(who.auth).send(body);
}

/** A bid of GET /results, as the tests read it. */
export interface ResultBid {
  bidId: string;
  bidderName: string;
  status: string;
  eligible: boolean;
  exclusions: { reason: string; criterion?: string; detail: string }[];
  price: number;
  rank: number | null;
  total: number;
  byCategory: Record<string, number>;
  criteria: {
    criterionId: string;
    code: string;
    score: number | null;
    weighted: number | null;
    source: string;
    groupScores?: object;
  }[];
  flags: { type: string; criterion: string | null }[];
}

/** One bid of a results body, by bidder name. */
export function bidNamed(body: { bids: ResultBid[] }, name: string): ResultBid {
  const bid = body.bids.find((candidate) => candidate.bidderName === name);
  if (!bid) throw new Error(`no bid named ${name} in ${JSON.stringify(body.bids.map((b) => b.bidderName))}`);
  return bid;
}
