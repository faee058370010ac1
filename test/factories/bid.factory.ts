import type { SignedIn, TestApp } from '../app';
import { createPublishedTender, FUTURE_DEADLINE } from './tender.factory';

export { FUTURE_DEADLINE };

/**
 * A tender that exercises every bid rule: a section (Q) over two scored leaves (Q1 caps
 * answers at 50 words), a co-production leaf, a social-outcome leaf (commitments), the
 * price leaf and a pass/fail gate.
 */
export const BID_TENDER_CRITERIA = [
  { code: 'Q', title: 'Service quality', kind: 'section', category: 'quality', weight: 40 },
  { parentId: 'Q', code: 'Q1', title: 'Service model', kind: 'scored', category: 'quality', weight: 25, maxWords: 50 },
  { parentId: 'Q', code: 'Q2', title: 'Safeguarding', kind: 'scored', category: 'quality', weight: 15 },
  { code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', weight: 20 },
  { code: 'SV1', title: 'Local employment', kind: 'scored', category: 'social_outcome', weight: 10 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
  { code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', weight: 0 },
];

export const SCORED_CODES = ['Q1', 'Q2', 'C1', 'SV1'];

/** A complete bid body (every scored leaf answered); override any field. */
export function buildBid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bidderName: 'Camden Mind Partnership',
    price: 1249500.5,
    responses: [
      { criterion: 'Q1', text: 'A day service open six days a week, planned each month with members and carers.' },
      { criterion: 'Q2', text: 'Named safeguarding leads, supervision every month, and training for peer workers.' },
      { criterion: 'C1', text: 'Members co-chair the steering group and sit on every interview panel.' },
      { criterion: 'SV1', text: 'Half of new posts go to local residents, with a paid traineeship route.' },
    ],
    commitments: [
      {
        criterion: 'SV1',
        outcome: 'Local people in paid work',
        measure: 'Job starts per year',
        target: 40,
        baseline: 12,
        by: '2028-03-31',
      },
    ],
    ...overrides,
  };
}

export interface BidWorld {
  t: TestApp;
  commissioner: SignedIn;
  tenderId: string;
  deadline: Date;
}

/** A published tender (deadline FUTURE_DEADLINE) owned by a fresh commissioner; the clock before it. */
export async function bidWorld(t: TestApp, options: { deadline?: string } = {}): Promise<BidWorld> {
  const deadline = options.deadline ?? FUTURE_DEADLINE;
  t.clock.set('2026-11-23T09:00:00.000Z');
  const commissioner = await t.user('commissioner');
  const tenderId = await createPublishedTender(t, commissioner.token, {
    criteria: BID_TENDER_CRITERIA,
    tender: { bidDeadline: deadline },
  });
  return { t, commissioner, tenderId, deadline: new Date(deadline) };
}

/** POSTs a bid; returns the response (assert it yourself). */
export function postBid(t: TestApp, who: SignedIn, tenderId: string, overrides: Record<string, unknown> = {}) {
  return t.http().post(`/api/tenders/${tenderId}/bids`).set(who.auth).send(buildBid(overrides));
}

/** Creates and submits a complete bid; returns its id. */
export async function submittedBid(
  t: TestApp,
  who: SignedIn,
  tenderId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await postBid(t, who, tenderId, overrides);
  if (created.status !== 201) throw new Error(`create bid failed: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await t.http().post(`/api/tenders/${tenderId}/bids/${created.body.id}/submit`).set(who.auth);
  if (submitted.status !== 200) throw new Error(`submit bid failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return created.body.id as string;
}

/** Moves the clock past the deadline and closes the tender (→ evaluation). */
export async function closeTender(world: BidWorld): Promise<void> {
  world.t.clock.set(new Date(world.deadline.getTime() + 1000));
  const closed = await world.t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth);
  if (closed.status !== 200) throw new Error(`close failed: ${closed.status} ${JSON.stringify(closed.body)}`);
}
