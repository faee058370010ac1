/**
 * The people, bids and judgements of `npm run demo` (scripts/demo.ts): a worked example
 * on the Camden mental health day care template. Deterministic: the same scores and
 * reasons every run.
 */

export const PASSWORD = 'demo-password-2027';

export const TEAM = {
  commissioner: { email: 'amara.okafor@camden.example', name: 'Amara Okafor', role: 'commissioner' },
  procurement: { email: 'daniel.price@camden.example', name: 'Daniel Price', role: 'procurement' },
} as const;

export type Group = 'lived_experience' | 'professional';

export interface Member {
  email: string;
  name: string;
  group: Group;
  role: string;
  /** How this member tends to score, relative to the bid's level (−1, 0, +1). */
  leaning: number;
}

export const PANEL: Member[] = [
  { email: 'sam.taylor@example.org', name: 'Sam Taylor', group: 'lived_experience', role: 'service user', leaning: 1 },
  { email: 'priya.shah@example.org', name: 'Priya Shah', group: 'lived_experience', role: 'carer', leaning: 0 },
  { email: 'joe.mensah@example.org', name: 'Joe Mensah', group: 'lived_experience', role: 'peer supporter', leaning: 0 },
  { email: 'dr.helen.ward@nhs.example', name: 'Dr Helen Ward', group: 'professional', role: 'clinical lead', leaning: 0 },
  {
    email: 'mark.boateng@camden.example',
    name: 'Mark Boateng',
    group: 'professional',
    role: 'commissioning manager',
    leaning: -1,
  },
  { email: 'lucy.evans@camden.example', name: 'Lucy Evans', group: 'professional', role: 'social worker', leaning: 0 },
];

export interface DemoBid {
  organisation: string;
  email: string;
  organisationType: 'vcse' | 'sme' | 'large' | 'public';
  consortium: string[];
  price: number;
  /** Typical score (0–5) per criterion code; unlisted codes take `level`. */
  level: number;
  strengths: Record<string, number>;
  passesSafeguarding: boolean;
  commitments: { criterion: string; outcome: string; measure: string; target: number; baseline?: number; by: string }[];
}

export const BIDS: DemoBid[] = [
  {
    organisation: 'Camden Mind Partnership',
    email: 'bids@camdenmind.example',
    organisationType: 'vcse',
    consortium: ['Camden Carers Centre'],
    price: 1_180_000,
    level: 4,
    strengths: { CP1: 5, CP2: 4, WO2: 5, Q3: 3 },
    passesSafeguarding: true,
    commitments: [
      {
        criterion: 'WO1',
        outcome: 'Members in paid work or training',
        measure: 'Starts per year',
        target: 40,
        baseline: 12,
        by: '2028-03-31',
      },
      {
        criterion: 'WO3',
        outcome: 'Members volunteering in the borough',
        measure: 'Volunteers active each quarter',
        target: 60,
        baseline: 25,
        by: '2028-03-31',
      },
    ],
  },
  {
    organisation: 'Hillside Wellbeing CIC',
    email: 'tenders@hillside.example',
    organisationType: 'sme',
    consortium: [],
    price: 1_050_000,
    level: 3,
    strengths: { Q1: 4, Q5: 4, CP2: 2, WO5: 4 },
    passesSafeguarding: true,
    commitments: [
      {
        criterion: 'WO5',
        outcome: 'Food waste cut at the day centre',
        measure: 'Kilograms sent to landfill per month',
        target: 20,
        baseline: 85,
        by: '2027-12-31',
      },
    ],
  },
  {
    organisation: 'Northgate Care Services Ltd',
    email: 'bids@northgate.example',
    organisationType: 'large',
    consortium: [],
    price: 960_000,
    level: 3,
    strengths: { Q2: 4, Q3: 4, CP1: 2, CP3: 2, WO4: 2 },
    passesSafeguarding: false,
    commitments: [
      {
        criterion: 'WO1',
        outcome: 'Local people recruited',
        measure: 'Posts filled by Camden residents',
        target: 15,
        by: '2028-06-30',
      },
    ],
  },
  {
    organisation: 'Peer Futures Time Bank',
    email: 'hello@peerfutures.example',
    organisationType: 'vcse',
    consortium: ['Kentish Town Community Centre'],
    price: 1_240_000,
    level: 3,
    strengths: { CP1: 5, CP2: 5, CP3: 4, WO4: 5, Q3: 2, Q5: 2 },
    passesSafeguarding: true,
    commitments: [
      {
        criterion: 'WO4',
        outcome: 'Members with a wider circle of support',
        measure: 'Members reporting three or more regular contacts',
        target: 120,
        baseline: 40,
        by: '2028-03-31',
      },
      {
        criterion: 'WO2',
        outcome: 'Better well-being',
        measure: 'Average WEMWBS gain after six months',
        target: 3.5,
        by: '2028-03-31',
      },
    ],
  },
];

/** The professional who declares a conflict of interest, and on which bid. */
export const CONFLICT = {
  member: 'lucy.evans@camden.example',
  bid: 'Peer Futures Time Bank',
  details: 'I sit on the board of the Kentish Town Community Centre, a consortium member of this bid.',
};

/** A member's score for a bid on a criterion: the bid's level there, moved by the member's leaning and a fixed pattern. */
export function scoreFor(bid: DemoBid, code: string, memberIndex: number, member: Member): number {
  const base = bid.strengths[code] ?? bid.level;
  const wobble = [0, 0, 1, 0, -1, 0, 0, 1][(code.length * 3 + memberIndex * 5 + bid.organisation.length) % 8];
  return Math.max(
    0,
    Math.min(
      5,
      base +
        (member.group === 'lived_experience' && code.startsWith('CP') ? member.leaning : 0) +
        wobble -
        (member.leaning < 0 ? 1 : 0),
    ),
  );
}

const PROFESSIONAL_WORDS = [
  'does not address the question',
  'addresses the question only in part, with significant gaps',
  'is weak: the approach is stated but not evidenced',
  'is satisfactory: a credible approach with some gaps in evidence',
  'is good: a clear approach backed by outcome data from current services',
  'is excellent: a convincing, well-evidenced approach with measurable outcomes',
];
const PLAIN_WORDS = [
  "doesn't really answer this",
  'answers a little, but a lot is missing',
  "says what they'd do but I'm not convinced",
  'answers it, though some bits are missing',
  'answers it well and gives real examples',
  'answers it really well - I could picture it working for people like me',
];

/** A reason in the member's own register: professional wording, or plain language. */
export function reasonFor(member: Member, bid: DemoBid, code: string, title: string, score: number): string {
  return member.group === 'professional'
    ? `${title}: ${bid.organisation}'s response ${PROFESSIONAL_WORDS[score]}.`
    : `${title}: ${PLAIN_WORDS[score]}.`;
}

/** What the moderation meeting agreed, and why, for one bid on one criterion. */
export function moderationFor(panelScore: number, flags: string[], code: string): { score: number; rationale: string } {
  const score = Math.round(panelScore);
  const discussed = flags.includes('group_divergence')
    ? 'The panel discussed why service users and professionals saw this differently and'
    : flags.includes('divergence')
      ? 'The panel discussed the spread of scores and'
      : 'The panel';
  return {
    score,
    rationale: `${discussed} agreed ${score} on ${code}, the individual scores and reasons standing on the record.`,
  };
}
