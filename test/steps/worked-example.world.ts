import type { SignedIn, TestApp } from '../app';
import { type CriterionBody, WORKED_EXAMPLE_CRITERIA } from './bodies';
import {
  addPanelist,
  closeTender,
  declare,
  moderate,
  newBidderSubmits,
  publishedTender,
  scoreAndSubmit,
  startModeration,
} from './steps';

/**
 * docs/SCORING.md's worked example's criteria. Scale 0–5, mean. Q1 quality 40 (scored here by the
 * lived-experience members, so that bid A's Q1 scores are exactly "4, 3"), C1
 * co-production 30 with group weights 50/50, P price 30 (lowest_ratio).
 */
export const WORKED_EXAMPLE_PANEL_CRITERIA: CriterionBody[] = WORKED_EXAMPLE_CRITERIA.map((criterion) =>
  criterion.code === 'Q1' ? { ...criterion, scoredBy: ['lived_experience'] } : criterion,
);

/**
 * docs/SCORING.md's worked example's tender through the API, in moderation: bids A (£100 000) and B
 * (£80 000), two lived-experience members and a professional, B's scores moderated to
 * Q1 3 and C1 4. `extra` more bids (£90 000 + n), scored 3 throughout, give the same
 * shape with more bids. Returns the tender and its bids, A and B first.
 */
export async function workedExampleTender(
  t: TestApp,
  commissioner: SignedIn,
  extra = 0,
): Promise<{ tenderId: string; bidIds: string[] }> {
  // No moderation required: bid A's panel scores stand as they are.
  const world = await publishedTender(t, {
    commissioner,
    criteria: WORKED_EXAMPLE_PANEL_CRITERIA,
    tender: { moderationRequired: false },
  });
  const { tenderId } = world;
  const bidIds = [
    (await newBidderSubmits(t, tenderId, 'A', 100_000, ['Q1', 'C1'])).bidId,
    (await newBidderSubmits(t, tenderId, 'B', 80_000, ['Q1', 'C1'])).bidId,
  ];
  for (let n = 0; n < extra; n++)
    bidIds.push((await newBidderSubmits(t, tenderId, `Extra ${n + 1}`, 90_000 + n, ['Q1', 'C1'])).bidId);
  await closeTender(world);
  const lived1 = await addPanelist(t, world, 'lived_experience');
  const lived2 = await addPanelist(t, world, 'lived_experience');
  const professional = await addPanelist(t, world, 'professional');
  for (const member of [lived1, lived2, professional]) await declare(t, tenderId, member, bidIds);
  const [bidA, bidB, ...others] = bidIds;
  // Bid A: Q1 4, 3; C1 lived 5, 4 and professional 2.
  await scoreAndSubmit(t, tenderId, lived1, bidA, { Q1: 4, C1: 5 });
  await scoreAndSubmit(t, tenderId, lived2, bidA, { Q1: 3, C1: 4 });
  await scoreAndSubmit(t, tenderId, professional, bidA, { C1: 2 });
  // Bid B: the panel's scores, which moderation then replaces with Q1 3 and C1 4.
  await scoreAndSubmit(t, tenderId, lived1, bidB, { Q1: 2, C1: 4 });
  await scoreAndSubmit(t, tenderId, lived2, bidB, { Q1: 3, C1: 4 });
  await scoreAndSubmit(t, tenderId, professional, bidB, { C1: 3 });
  for (const bidId of others) {
    await scoreAndSubmit(t, tenderId, lived1, bidId, { Q1: 3, C1: 3 });
    await scoreAndSubmit(t, tenderId, lived2, bidId, { Q1: 3, C1: 3 });
    await scoreAndSubmit(t, tenderId, professional, bidId, { C1: 3 });
  }
  await startModeration(t, tenderId, commissioner);
  await moderate(t, tenderId, commissioner, bidB, 'Q1', 3);
  await moderate(t, tenderId, commissioner, bidB, 'C1', 4);
  return { tenderId, bidIds };
}
