/*
 * The receipt of a submitted bid version: its canonical content and that content's
 * SHA-256, so the bidder can prove what they sent (docs/BIDS.md "Receipts"). Pure: the
 * canonical form is defined here once and recomputable by anyone from GET /bids/:id.
 */
import { createHash } from 'node:crypto';

export interface ReceiptFacts {
  tenderId: string;
  bidId: string;
  version: number;
  submittedAt: Date;
  bidderName: string;
  organisationType: string | null;
  consortium: string[];
  pricePence: number;
  /** In the criteria tree's order. */
  responses: { criterion: string; text: string }[];
  /** In the bidder's order. */
  commitments: {
    criterion: string | null;
    outcome: string;
    measure: string;
    target: string;
    baseline: string | null;
    by: string | null;
  }[];
}

/** Pence as pounds with exactly two decimals ("1249500.50"). */
export function poundsText(pence: number): string {
  return `${Math.trunc(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/**
 * The canonical content: one line of JSON (no spaces), members in exactly this order, the
 * price as a pounds string with two decimals, targets and baselines as the exact decimal
 * strings stored, absent values as null; hashed as UTF-8.
 */
export function canonicalContent(facts: ReceiptFacts): string {
  return JSON.stringify({
    tender: facts.tenderId,
    bid: facts.bidId,
    version: facts.version,
    submittedAt: facts.submittedAt.toISOString(),
    bidderName: facts.bidderName,
    organisationType: facts.organisationType,
    consortium: facts.consortium,
    price: poundsText(facts.pricePence),
    responses: facts.responses.map(({ criterion, text }) => ({ criterion, text })),
    commitments: facts.commitments.map(({ criterion, outcome, measure, target, baseline, by }) => ({
      criterion,
      outcome,
      measure,
      target,
      baseline,
      by,
    })),
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
