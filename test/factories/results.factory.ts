import type { SignedIn, TestApp } from '../app';
import { buildBid } from './bid.factory';
import { createPublishedTender, FUTURE_DEADLINE } from './tender.factory';

/**
 * Helpers for driving a tender to results through the API, as a commissioner, a panel and
 * bidders would. Each throws with the response when a step the test relies on fails.
 */

export type Group = 'lived_experience' | 'professional';

export interface Member extends SignedIn {
  memberId: string;
  group: Group;
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A published tender with `criteria` (codes as parentId), owned by `commissioner`; clock before the deadline. */
export async function publishedTender(
  t: TestApp,
  commissioner: SignedIn,
  criteria: Record<string, unknown>[],
  settings: Record<string, unknown> = {},
): Promise<string> {
  t.clock.set('2026-11-23T09:00:00.000Z');
  return createPublishedTender(t, commissioner.token, { criteria, tender: { bidDeadline: FUTURE_DEADLINE, ...settings } });
}

/** A bidder account creates and submits a bid answering every code in `scoredCodes`; returns the bid id. */
export async function submitBid(
  t: TestApp,
  tenderId: string,
  bidderName: string,
  price: number,
  scoredCodes: string[],
): Promise<{ bidId: string; bidder: SignedIn }> {
  const bidder = await t.user('bidder', { organisationName: bidderName });
  const body = buildBid({
    bidderName,
    price,
    commitments: [],
    responses: scoredCodes.map((code) => ({
      criterion: code,
      text: `${bidderName} on ${code}: what we will do, with evidence.`,
    })),
  });
  const created = await t.http().post(`/api/tenders/${tenderId}/bids`).set(bidder.auth).send(body);
  expectStatus(created, 201, `create bid ${bidderName}`);
  const submitted = await t.http().post(`/api/tenders/${tenderId}/bids/${created.body.id}/submit`).set(bidder.auth);
  expectStatus(submitted, 200, `submit bid ${bidderName}`);
  return { bidId: created.body.id as string, bidder };
}

/**
 * Moves the clock past the deadline and closes the tender (→ evaluation). A tender that needs
 * two opening approvals (the templates ask for two) gets the second from a procurement officer
 * the owner adds to the team.
 */
export async function close(t: TestApp, tenderId: string, commissioner: SignedIn): Promise<void> {
  t.clock.set(new Date(new Date(FUTURE_DEADLINE).getTime() + 60_000));
  const first = await t.http().post(`/api/tenders/${tenderId}/close`).set(commissioner.auth);
  if (first.status === 200) return;
  expectStatus(first, 202, 'close (first approval)');
  const second = await t.user('procurement');
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/team`).set(commissioner.auth).send({ userId: second.id, role: 'procurement' }), 201, 'add team member');
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/close`).set(second.auth), 200, 'close (second approval)');
}

export async function addMember(t: TestApp, tenderId: string, commissioner: SignedIn, group: Group): Promise<Member> {
  const account = await t.user('panelist');
  const added = await t.http().post(`/api/tenders/${tenderId}/panel`).set(commissioner.auth).send({ userId: account.id, group });
  expectStatus(added, 201, 'add panel member');
  return { ...account, memberId: added.body.id as string, group };
}

/** Declares on each bid: a conflict on those in `conflicts`, none on the others. */
export async function declare(t: TestApp, tenderId: string, member: Member, bidIds: string[], conflicts: string[] = []) {
  for (const bidId of bidIds) {
    const body = conflicts.includes(bidId)
      ? { conflict: true, details: 'My sister is a trustee of this charity.' }
      : { conflict: false };
    expectStatus(
      await t.http().put(`/api/tenders/${tenderId}/declarations/${bidId}`).set(member.auth).send(body),
      200,
      'declare',
    );
  }
}

/** Saves each `code → score` for the member on the bid, then submits them. */
export async function score(t: TestApp, tenderId: string, member: Member, bidId: string, scores: Record<string, number>) {
  for (const [code, value] of Object.entries(scores)) {
    const saved = await t
      .http()
      .put(`/api/tenders/${tenderId}/bids/${bidId}/scores/${code}`)
      .set(member.auth)
      .send({ score: value, rationale: `I gave ${value} on ${code} because of the evidence in the answer.` });
    expectStatus(saved, 200, `score ${code}`);
  }
  expectStatus(
    await t.http().post(`/api/tenders/${tenderId}/bids/${bidId}/scores/submit`).set(member.auth),
    200,
    'submit scores',
  );
}

export async function recordGate(
  t: TestApp,
  tenderId: string,
  commissioner: SignedIn,
  bidId: string,
  code: string,
  passed: boolean,
) {
  const body = passed ? { passed } : { passed, note: 'No current employer’s liability insurance certificate was supplied.' };
  const response = await t
    .http()
    .put(`/api/tenders/${tenderId}/bids/${bidId}/compliance/${code}`)
    .set(commissioner.auth)
    .send(body);
  expectStatus(response, 200, `gate ${code}`);
}

export async function startModeration(t: TestApp, tenderId: string, commissioner: SignedIn): Promise<void> {
  expectStatus(await t.http().post(`/api/tenders/${tenderId}/start-moderation`).set(commissioner.auth), 200, 'start moderation');
}

export async function moderate(t: TestApp, tenderId: string, commissioner: SignedIn, bidId: string, code: string, value: number) {
  const response = await t
    .http()
    .put(`/api/tenders/${tenderId}/bids/${bidId}/moderated/${code}`)
    .set(commissioner.auth)
    .send({ score: value, rationale: `The panel agreed ${value} on ${code} after discussion.` });
  expectStatus(response, 200, `moderate ${code}`);
}

export function getResults(t: TestApp, tenderId: string, who: SignedIn) {
  return t.http().get(`/api/tenders/${tenderId}/results`).set(who.auth);
}

export function award(t: TestApp, tenderId: string, who: SignedIn, body: Record<string, unknown> = {}) {
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
