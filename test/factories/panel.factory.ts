import type { SignedIn, TestApp } from '../app';
import { buildBid, closeTender, submittedBid, type BidWorld } from './bid.factory';
import { createPublishedTender, FUTURE_DEADLINE } from './tender.factory';

/**
 * A tender for panel work: Q1 scored by both groups (with plain guidance), C1 by the
 * lived-experience group only, T1 by professionals only, and the price.
 */
export const PANEL_CRITERIA = [
  {
    code: 'Q1',
    title: 'Service model',
    kind: 'scored',
    category: 'quality',
    weight: 30,
    guidance: 'Evidence of a recovery-focused model with outcome measures.',
    plainGuidance: 'Will this service help people get better, in ways that matter to them?',
  },
  {
    code: 'C1',
    title: 'Co-production',
    kind: 'scored',
    category: 'co_production',
    weight: 25,
    scoredBy: ['lived_experience'],
    guidance: 'Governance roles for people with lived experience.',
    plainGuidance: 'Will people who use the service help run it?',
  },
  {
    code: 'T1',
    title: 'Clinical governance',
    kind: 'scored',
    category: 'quality',
    weight: 15,
    scoredBy: ['professional'],
    guidance: 'CQC-ready governance.',
  },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
];

export const LIVED_CODES = ['Q1', 'C1'];
export const PROFESSIONAL_CODES = ['Q1', 'T1'];

export type Group = 'lived_experience' | 'professional';

export interface Panelist extends SignedIn {
  memberId: string;
  group: Group;
}

export interface PanelWorld extends BidWorld {
  bidIds: string[];
  bidders: SignedIn[];
}

/** Bid body answering the panel tender's scored leaves. */
export function panelBid(bidderName: string, price = 100_000): Record<string, unknown> {
  return buildBid({
    bidderName,
    price,
    commitments: [],
    responses: [
      { criterion: 'Q1', text: `${bidderName}: a recovery college with peer tutors.` },
      { criterion: 'C1', text: `${bidderName}: members co-chair the steering group.` },
      { criterion: 'T1', text: `${bidderName}: monthly clinical governance board.` },
    ],
  });
}

/**
 * A published panel tender owned by a fresh commissioner (clock before the deadline); with
 * `buyer`, the commissioner's account belongs to that organisation (the pages' buying organisation).
 */
export async function panelTender(t: TestApp, tender: Record<string, unknown> = {}, buyer?: string): Promise<BidWorld> {
  t.clock.set('2026-11-23T09:00:00.000Z');
  const commissioner = await t.user('commissioner', buyer ? { organisationName: buyer, organisationType: 'public' } : {});
  const tenderId = await createPublishedTender(t, commissioner.token, {
    criteria: PANEL_CRITERIA,
    tender: { bidDeadline: FUTURE_DEADLINE, ...tender },
  });
  return { t, commissioner, tenderId, deadline: new Date(FUTURE_DEADLINE) };
}

/** Submits `names.length` bids (one minute apart, in order), closes the tender: evaluation. */
export async function panelTenderInEvaluation(
  t: TestApp,
  options: { tender?: Record<string, unknown>; bidders?: string[]; buyer?: string; beforeClose?: (world: BidWorld) => Promise<void> } = {},
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

/** Adds a panelist account (created through the admin API, signed in by password) to the panel. */
export async function addPanelist(t: TestApp, world: BidWorld, group: Group, role?: string): Promise<Panelist> {
  const account = await t.user('panelist');
  const added = await t
    .http()
    .post(`/api/tenders/${world.tenderId}/panel`)
    .set(world.commissioner.auth)
    .send({ userId: account.id, group, ...(role ? { role } : {}) });
  if (added.status !== 201) throw new Error(`add panelist failed: ${added.status} ${JSON.stringify(added.body)}`);
  return { ...account, memberId: added.body.id as string, group };
}

let layCounter = 0;

/**
 * Adds someone without an account by name and email: a panelist account without a password
 * is created, and they sign in through an invitation (a session for this seat only).
 */
export async function addLayPanelist(t: TestApp, world: BidWorld, group: Group, role?: string): Promise<Panelist> {
  layCounter += 1;
  const name = `Lay member ${layCounter}`;
  const email = `lay-member-${layCounter}-${Date.now()}@example.org`;
  const added = await t
    .http()
    .post(`/api/tenders/${world.tenderId}/panel`)
    .set(world.commissioner.auth)
    .send({ name, email, group, ...(role ? { role } : {}) });
  if (added.status !== 201) throw new Error(`add lay panelist failed: ${added.status} ${JSON.stringify(added.body)}`);
  const token = await redeemSeat(t, world, added.body.id as string);
  return { id: added.body.userId as string, email, name, token, auth: { Authorization: `Bearer ${token}` }, memberId: added.body.id as string, group };
}

/** Issues an invitation for the member and redeems it: the access token of a session for that seat. */
export async function redeemSeat(t: TestApp, world: BidWorld, memberId: string): Promise<string> {
  const issued = await t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth);
  if (issued.status !== 201) throw new Error(`invitation failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const session = await t.http().post('/api/auth/invitation').send({ token: issued.body.token });
  if (session.status !== 200) throw new Error(`redemption failed: ${session.status} ${JSON.stringify(session.body)}`);
  return session.body.accessToken as string;
}

/** Declares on every panel bid: a conflict on those listed, none on the others. */
export async function declareAll(
  t: TestApp,
  world: { tenderId: string; bidIds: string[] },
  who: SignedIn,
  conflicts: string[] = [],
): Promise<void> {
  for (const bidId of world.bidIds) {
    const body = conflicts.includes(bidId)
      ? { conflict: true, details: 'I volunteer with this organisation.' }
      : { conflict: false };
    const response = await t.http().put(`/api/tenders/${world.tenderId}/declarations/${bidId}`).set(who.auth).send(body);
    if (response.status !== 200) throw new Error(`declare failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

export function saveScore(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  bidId: string,
  code: string,
  score: number,
  rationale = `Scored ${score} on ${code}.`,
) {
  return t.http().put(`/api/tenders/${tenderId}/bids/${bidId}/scores/${code}`).set(who.auth).send({ score, rationale });
}

export function submitScores(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t.http().post(`/api/tenders/${tenderId}/bids/${bidId}/scores/submit`).set(who.auth);
}

/** Scores every criterion of the member's group on a bid and submits. */
export async function scoreAndSubmit(
  t: TestApp,
  tenderId: string,
  who: Panelist,
  bidId: string,
  score: number | Record<string, number>,
): Promise<void> {
  for (const code of who.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES) {
    const value = typeof score === 'number' ? score : score[code];
    const saved = await saveScore(t, tenderId, who, bidId, code, value);
    if (saved.status !== 200) throw new Error(`score failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  const submitted = await submitScores(t, tenderId, who, bidId);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
}
