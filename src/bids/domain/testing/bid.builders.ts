/* Shared by the bid rule specs: a deadline, a tender's criteria of every kind, and the DomainError a rule throws. */
import { DomainError } from '../../../common/domain/domain-error';
import type { CriterionFacts } from '../bid-facts';

export const DEADLINE = new Date('2027-01-31T12:00:00.000Z');
export const justBefore = new Date(DEADLINE.getTime() - 1);

export const CRITERIA: CriterionFacts[] = [
  { id: 'q', code: 'Q', title: 'Quality', kind: 'section', category: 'quality', maxWords: null },
  { id: 'q1', code: 'Q1', title: 'Service model', kind: 'scored', category: 'quality', maxWords: 5 },
  { id: 'c1', code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', maxWords: null },
  { id: 'sv1', code: 'SV1', title: 'Jobs', kind: 'scored', category: 'social_outcome', maxWords: null },
  { id: 'env', code: 'ENV', title: 'Environment', kind: 'section', category: 'environmental_outcome', maxWords: null },
  { id: 'p', code: 'P', title: 'Price', kind: 'price', category: 'price', maxWords: null },
  { id: 'g1', code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', maxWords: null },
];

export function problemOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
