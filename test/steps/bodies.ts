import type { CreateBidDto } from '../../src/bids/dto/create-bid.dto';
import type { CreateCriterionDto } from '../../src/criteria/dto/create-criterion.dto';
import type { CreateTenderDto } from '../../src/tenders/dto/create-tender.dto';

/**
 * Request bodies the steps send, typed with the request DTOs so a test's body and the route's
 * contract cannot drift apart. A test that sends a body the DTO refuses builds it on purpose
 * (`{ ...buildTender(), scale: [] }`), where the reader can see it.
 */

export const FUTURE_DEADLINE = '2027-01-31T12:00:00.000Z';

/** A criterion as the tests write it: `parentId` is the parent's code (the API accepts either). */
export type CriterionBody = CreateCriterionDto;

/** A tender body as the tests override it. */
export type TenderBody = Partial<CreateTenderDto>;

/** A valid tender body; override any field. */
export function buildTender(overrides: Partial<CreateTenderDto> = {}): CreateTenderDto {
  return {
    reference: `REF-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    title: 'Community mental health day support',
    bidDeadline: FUTURE_DEADLINE,
    ...overrides,
  };
}

/** The worked example of docs/SCORING.md: Q1 quality 40, C1 co-production 30 (50/50), P price 30. */
export const WORKED_EXAMPLE_CRITERIA: CriterionBody[] = [
  { code: 'Q1', title: 'Service quality', kind: 'scored', category: 'quality', weight: 40 },
  {
    code: 'C1',
    title: 'Co-production',
    kind: 'scored',
    category: 'co_production',
    weight: 30,
    groupWeights: { lived_experience: 50, professional: 50 },
  },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
];

/**
 * A tender that exercises every bid rule: a section (Q) over two scored leaves (Q1 caps
 * answers at 50 words), a co-production leaf, a social-outcome leaf (commitments), the
 * price leaf and a pass/fail gate.
 */
export const BID_TENDER_CRITERIA: CriterionBody[] = [
  { code: 'Q', title: 'Service quality', kind: 'section', category: 'quality', weight: 40 },
  { parentId: 'Q', code: 'Q1', title: 'Service model', kind: 'scored', category: 'quality', weight: 25, maxWords: 50 },
  { parentId: 'Q', code: 'Q2', title: 'Safeguarding', kind: 'scored', category: 'quality', weight: 15 },
  { code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', weight: 20 },
  { code: 'SV1', title: 'Local employment', kind: 'scored', category: 'social_outcome', weight: 10 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
  { code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', weight: 0 },
];

export const SCORED_CODES = ['Q1', 'Q2', 'C1', 'SV1'];

/**
 * A tender for panel work: Q1 scored by both groups (with plain guidance), C1 by the
 * lived-experience group only, T1 by professionals only, and the price.
 */
export const PANEL_CRITERIA: CriterionBody[] = [
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

/** The PANEL_CRITERIA codes each group scores. */
export const LIVED_CODES = ['Q1', 'C1'];
export const PROFESSIONAL_CODES = ['Q1', 'T1'];

/** A complete bid on BID_TENDER_CRITERIA (every scored leaf answered); override any field. */
export function buildBid(overrides: Partial<CreateBidDto> = {}): CreateBidDto {
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

/** A bid on PANEL_CRITERIA answering its three scored leaves. */
export function panelBid(bidderName: string, price = 100_000): CreateBidDto {
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

/** A bid answering each code in `scoredCodes`, without commitments. */
export function bidAnswering(bidderName: string, price: number, scoredCodes: string[]): CreateBidDto {
  return buildBid({
    bidderName,
    price,
    commitments: [],
    responses: scoredCodes.map((code) => ({
      criterion: code,
      text: `${bidderName} on ${code}: what we will do, with evidence.`,
    })),
  });
}

/** A body the DTO refuses, sent on purpose by a validation test: the type check is waived here, where it shows. */
export function deliberatelyInvalid<T>(body: Record<string, unknown>): T {
  return body as T;
}
