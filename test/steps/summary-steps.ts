import type { SignedIn, TestApp } from '../app';
import type { RecordSummarySentDto, WriteSummaryWordsDto } from '../../src/assessment-summaries/dto/assessment-summary.dto';
import { bytesOrProblem } from './conflict-steps';
import { WORKED_EXAMPLE_PANEL_CRITERIA } from './worked-example.world';
import {
  addPanelist,
  award,
  closeTender,
  declare,
  expectStatus,
  moderate,
  newBidderSubmits,
  publishedTender,
  recordGate,
  scoreAndSubmit,
  startModeration,
  type Panelist,
} from './steps';

const summaries = (tenderId: string) => `/api/tenders/${tenderId}/assessment-summaries`;

export function generateSummaries(t: TestApp, tenderId: string, who: SignedIn) {
  return t.http().post(summaries(tenderId)).set(who.auth);
}

export function listSummaries(t: TestApp, tenderId: string, who: SignedIn) {
  return t.http().get(summaries(tenderId)).set(who.auth);
}

export function getAssessmentSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t
    .http()
    .get(`${summaries(tenderId)}/${bidId}`)
    .set(who.auth);
}

export function writeSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string, body: WriteSummaryWordsDto) {
  return t
    .http()
    .put(`${summaries(tenderId)}/${bidId}`)
    .set(who.auth)
    .send(body);
}

export function approveSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t
    .http()
    .post(`${summaries(tenderId)}/${bidId}/approve`)
    .set(who.auth);
}

export function recordSummarySent(t: TestApp, tenderId: string, who: SignedIn, bidId: string, body: RecordSummarySentDto) {
  return t
    .http()
    .post(`${summaries(tenderId)}/${bidId}/sent`)
    .set(who.auth)
    .send(body);
}

/** GET the summary as a PDF or DOCX, as bytes (a problem+json answer parsed as JSON). */
export function summaryFile(t: TestApp, tenderId: string, who: SignedIn, bidId: string, format: 'pdf' | 'docx') {
  return t
    .http()
    .get(`${summaries(tenderId)}/${bidId}/summary.${format}`)
    .set(who.auth)
    .buffer(true)
    .parse(bytesOrProblem);
}

export function bidderSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t.http().get(`/api/tenders/${tenderId}/bids/${bidId}/assessment-summary`).set(who.auth);
}

/** Every bid's bidder, the panel and the team of an awarded tender. */
export interface AwardedWorld {
  tenderId: string;
  owner: SignedIn;
  colleague: SignedIn;
  panel: Panelist[];
  bids: Record<'A' | 'B' | 'C' | 'D', { bidId: string; bidder: SignedIn }>;
}

export const GATE_NOTE = 'No current employer’s liability insurance certificate was supplied.';
export const DISQUALIFIED_REASON = 'The bidder is subject to a debarment order';

/**
 * The SCORING.md worked example (bids A £100 000 and B £80 000, B moderated to Q1 3 and C1 4)
 * with a pass/fail gate G1 and two more bids: C (£90 000) fails G1, D (£95 000) is disqualified.
 * A second team member (procurement) joins before the award. Awarded to rank 1.
 */
export async function awardedWorkedExample(t: TestApp): Promise<AwardedWorld> {
  const world = await publishedTender(t, {
    criteria: [
      ...WORKED_EXAMPLE_PANEL_CRITERIA,
      { code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', weight: 0 },
    ],
    tender: { moderationRequired: false },
  });
  const { tenderId, commissioner: owner } = world;
  const colleague = await t.user('procurement');
  expectStatus(
    await t.http().post(`/api/tenders/${tenderId}/team`).set(owner.auth).send({ userId: colleague.id, role: 'procurement' }),
    201,
    'add a team member',
  );
  const bids = {
    A: await newBidderSubmits(t, tenderId, 'A', 100_000, ['Q1', 'C1']),
    B: await newBidderSubmits(t, tenderId, 'B', 80_000, ['Q1', 'C1']),
    C: await newBidderSubmits(t, tenderId, 'C', 90_000, ['Q1', 'C1']),
    D: await newBidderSubmits(t, tenderId, 'D', 95_000, ['Q1', 'C1']),
  };
  const bidIds = Object.values(bids).map((bid) => bid.bidId);
  await closeTender(world);
  const panel = [
    await addPanelist(t, world, 'lived_experience'),
    await addPanelist(t, world, 'lived_experience'),
    await addPanelist(t, world, 'professional'),
  ];
  for (const member of panel) await declare(t, tenderId, member, bidIds);
  const [lived1, lived2, professional] = panel;
  await scoreAndSubmit(t, tenderId, lived1, bids.A.bidId, { Q1: 4, C1: 5 });
  await scoreAndSubmit(t, tenderId, lived2, bids.A.bidId, { Q1: 3, C1: 4 });
  await scoreAndSubmit(t, tenderId, professional, bids.A.bidId, { C1: 2 });
  await scoreAndSubmit(t, tenderId, lived1, bids.B.bidId, { Q1: 2, C1: 4 });
  await scoreAndSubmit(t, tenderId, lived2, bids.B.bidId, { Q1: 3, C1: 4 });
  await scoreAndSubmit(t, tenderId, professional, bids.B.bidId, { C1: 3 });
  for (const bid of [bids.C, bids.D]) {
    await scoreAndSubmit(t, tenderId, lived1, bid.bidId, { Q1: 3, C1: 3 });
    await scoreAndSubmit(t, tenderId, lived2, bid.bidId, { Q1: 3, C1: 3 });
    await scoreAndSubmit(t, tenderId, professional, bid.bidId, { C1: 3 });
  }
  for (const bid of [bids.A, bids.B, bids.D]) await recordGate(t, tenderId, owner, bid.bidId, 'G1', true);
  await recordGate(t, tenderId, owner, bids.C.bidId, 'G1', false);
  await startModeration(t, tenderId, owner);
  await moderate(t, tenderId, owner, bids.B.bidId, 'Q1', 3);
  await moderate(t, tenderId, owner, bids.B.bidId, 'C1', 4);
  expectStatus(
    await t
      .http()
      .post(`/api/tenders/${tenderId}/bids/${bids.D.bidId}/disqualify`)
      .set(owner.auth)
      .send({ reason: DISQUALIFIED_REASON }),
    200,
    'disqualify D',
  );
  return { tenderId, owner, colleague, panel, bids };
}

/** Award the world's tender (rank 1). */
export async function awardIt(t: TestApp, world: AwardedWorld): Promise<void> {
  expectStatus(await award(t, world.tenderId, world.owner), 200, 'award');
}
