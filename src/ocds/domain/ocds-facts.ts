/*
 * What the OCDS notices are built from: plain facts read from the tender, its criteria, the
 * evaluation record and the after-award record. No scores: the UK profile publishes none, and
 * nothing here could carry one.
 */
import type { FlatCriterion } from '../../criteria/domain';

/** Who publishes, and under which ocid prefix (configuration). */
export interface OcdsPublisher {
  ocidPrefix: string;
  name: string;
  /** The service's base address, without a trailing slash (PUBLIC_URL). */
  publicUrl: string;
}

/** A node of the criteria tree, and the title of the top-level section it sits under (null at the top level). */
export type OcdsCriterion = Pick<FlatCriterion, 'code' | 'title' | 'kind' | 'category' | 'weightHundredths' | 'threshold'> & {
  sectionTitle: string | null;
};

/** The tender notice's facts (UK4): known once the tender is published. */
export interface OcdsTenderFacts {
  id: string;
  reference: string;
  title: string;
  description: string;
  publishedAt: Date;
  bidDeadline: Date;
  clarificationDeadline: Date | null;
  scale: { min: number; max: number };
  contact: { name: string | null; email: string | null; phone: string | null };
  /** Every node of the tree, depth-first in sibling order. */
  criteria: OcdsCriterion[];
}

export interface OcdsBidFacts {
  id: string;
  status: 'submitted' | 'disqualified';
  /** As registered: vcse, sme, large or public; null for a paper bid that gave none. */
  organisationType: string | null;
}

/** The contract award notice's facts (UK6): known once the tender is awarded. */
export interface OcdsAwardFacts {
  awardedAt: Date;
  winner: { bidId: string; bidderName: string; organisationType: string | null; pricePence: bigint };
  /** Every bid submitted by the deadline, disqualified ones included. */
  bids: OcdsBidFacts[];
  /** When the contract award notice was recorded as published and the standstill end; null before, or with no standstill. */
  standstill: { startDate: Date; endDate: Date } | null;
  /** When the assessment summaries were sent (s.50); null while not known. */
  assessmentSummariesDateSent: Date | null;
}

export interface OcdsCommitment {
  /** Its place in the bid (as stored, from 0). */
  position: number;
  outcome: string;
  measure: string;
  /** Exact decimal strings, as stored. */
  target: string;
  baseline: string | null;
  /** A calendar date, YYYY-MM-DD. */
  byDate: string | null;
  criterionCode: string | null;
}

/** The contract details notice's facts (UK7): known once the contract is entered into. */
export interface OcdsContractFacts {
  enteredAt: Date;
  /** The winning bid's outcome commitments, in its order. */
  commitments: OcdsCommitment[];
}

export interface OcdsFacts {
  tender: OcdsTenderFacts | null;
  award: OcdsAwardFacts | null;
  contract: OcdsContractFacts | null;
}
