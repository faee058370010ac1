/*
 * The evaluation record (`Evaluation.record`): everything the exports and the moderation
 * table show. The tender's records read once, as plain data, and the results engine's
 * answer computed from them exactly as for GET /results — except the
 * ~150 000 individual scores of a large tender, which are planned here (`scoreCells`)
 * and read a few bids at a time while they are written (`readScores`). The renderers
 * (xlsx sheets, CSV, JSON) turn this into cells and fields and compute nothing of their
 * own: every number is the engine's.
 */
import type { Category, CriterionKind, PanelGroup } from '../../criteria/domain';
import type { EngineInput, EngineResult, PanelStatistics, PresentedResults } from '../engine';
import type { ModeratedScore } from '../../moderation/moderated-score.entity';
import type { PanelMember } from '../../panel/panel-member.entity';
import type { Tender } from '../../tenders/tender.entity';
import type { ScoreRow } from '../../scoring/score-queries';
import type { EntryMarker } from '../../assisted/domain/assisted-rules';

/** A tender evaluated: the engine input, and the exact result computed from it. */
export interface Evaluated {
  input: EngineInput;
  result: EngineResult;
  /** Panel member id → name on the record, in join order: "Lived experience n" for lived-experience members. */
  memberNames: Map<string, string>;
}

/** `Evaluation.cells`: the evaluation with the engine's panel statistics per `cellKey`. */
export interface EvaluatedCells extends Evaluated {
  statistics: ReadonlyMap<string, PanelStatistics>;
}

/** `Evaluation.cell`: one bid × scored criterion, evaluated from its own rows. */
export interface EvaluatedCell {
  criterion: EngineInput['criteria'][number];
  bid: EngineInput['bids'][number];
  statistics: PanelStatistics;
  /** In join order, with their accounts. */
  members: PanelMember[];
  memberNames: Map<string, string>;
  /** The cell's score rows, every one (drafts and unusable ones too), with their rationales. */
  scoreRows: ScoreRow[];
  /** Every version of the cell's moderated score, oldest first. */
  history: ModeratedScore[];
}

export interface RecordCriterion {
  id: string;
  code: string;
  title: string;
  parentId: string | null;
  parentCode: string | null;
  /** 0 for top-level nodes. */
  depth: number;
  kind: CriterionKind;
  category: Category | null;
  weightHundredths: number;
  threshold: number | null;
  scoredBy: PanelGroup[];
  groupWeights: Partial<Record<PanelGroup, number>> | null;
  maxWords: number | null;
  guidance: string | null;
  plainGuidance: string | null;
}

export interface RecordBid {
  id: string;
  /** "Bid 1", "Bid 2"… by submission time: the name panelists saw under blind marking. */
  label: string;
  bidderName: string;
  organisationType: string | null;
  consortium: string[];
  status: 'submitted' | 'disqualified';
  paper: boolean;
  submittedAt: Date | null;
  pricePence: bigint;
  /** The number of the version that counts, and how many versions the bid had in all. */
  countedVersion: number;
  versionCount: number;
  disqualifiedAt: Date | null;
  disqualificationReason: string | null;
}

export interface RecordMember {
  id: string;
  /** "Lived experience n" for lived-experience members, the name for professionals. */
  name: string;
  group: PanelGroup;
  roleLabel: string | null;
  joinOrder: number;
  joinedAt: Date;
}

export interface RecordDeclaration {
  memberId: string;
  bidId: string;
  conflict: boolean;
  details: string | null;
  declaredAt: Date;
  escalatedAt: Date | null;
}

/** Why an individual score on the record does not count towards the panel score (SCORING.md §3.2). */
export type NotCounted = 'draft' | 'conflict' | 'group_not_asked';

/** A score row (`id` and `savedAt` read only for evaluation.json: `readScores({ full: true })`). */
export interface RecordScore extends ScoreRow {
  /** null when it counts. */
  notCounted: NotCounted | null;
}

/** One bid × criterion block of the Scores sheet: its rows, and how many count, by group. */
export interface ScoreCell {
  bidId: string;
  criterionId: string;
  total: number;
  counted: Partial<Record<PanelGroup, number>>;
}

export interface RecordModeratedVersion {
  id: string;
  bidId: string;
  criterionId: string;
  version: number;
  score: number;
  rationale: string;
  moderatedById: string;
  moderatedBy: string;
  moderatedAt: Date;
  /** The latest version of its cell: the one the results use. */
  current: boolean;
}

export interface RecordCompliance {
  bidId: string;
  criterionId: string;
  passed: boolean;
  note: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface RecordCommitment {
  bidId: string;
  position: number;
  criterionId: string | null;
  outcome: string;
  measure: string;
  /** Exact decimal strings, as stored. */
  target: string;
  baseline: string | null;
  byDate: string | null;
}

/** One entry of the tender's clarification log, as the team sees it (the asker named). */
export interface RecordClarification {
  number: number;
  kind: 'question' | 'notice';
  status: 'awaiting_answer' | 'published' | 'private';
  question: string | null;
  /** The asking organisation and person; null for a notice. */
  askedBy: { organisationName: string; name: string } | null;
  askedAt: Date | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  privateReason: string | null;
  publishedAt: Date | null;
}

export interface EvaluationRecord {
  generatedAt: Date;
  generatedBy: { id: string; name: string; email: string; role: string };
  tender: Tender;
  /** Every node, depth-first in sibling order (the engine's order). */
  criteria: RecordCriterion[];
  /** In the results' order: ranked bids by rank, then the unranked. */
  bids: RecordBid[];
  members: RecordMember[];
  declarations: RecordDeclaration[];
  /**
   * The individual scores, planned (`scoreCells`: bid in results order, criterion in tree
   * order) and read when written: `readScores()` yields them in that order, a few bids at
   * a time — counted scores first by group and member, then the rest. `whole`: every bid in
   * one batch, for a reader that keeps them all (one statement however many bids).
   */
  scoreCells: ScoreCell[];
  readScores: (options?: { full?: boolean; whole?: boolean }) => AsyncGenerator<RecordScore[]>;
  /** Scores entered on a member's behalf (assisted scoring), by `entryKey(memberId, bidId, criterionId)`. */
  entries: Map<string, EntryMarker>;
  /** Per member: scores submitted, and scores counted. */
  memberTallies: Map<string, { submitted: number; counted: number }>;
  /** Bid, criterion, version. */
  moderated: RecordModeratedVersion[];
  compliance: RecordCompliance[];
  commitments: RecordCommitment[];
  /** The clarification log, in number order: every question, answer and publication. */
  clarifications: RecordClarification[];
  result: EngineResult;
  presented: PresentedResults;
  /** Panel statistics per `${bidId}|${criterionId}`, without their `scores` lists (see `scores`). */
  statistics: Map<string, PanelStatistics>;
}

export const cellKey = (bidId: string, criterionId: string): string => `${bidId}|${criterionId}`;

export const GROUP_LABELS: Record<PanelGroup, string> = {
  lived_experience: 'Lived experience',
  professional: 'Professional',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  quality: 'Quality',
  co_production: 'Co-production',
  social_outcome: 'Social outcome',
  economic_outcome: 'Economic outcome',
  environmental_outcome: 'Environmental outcome',
  price: 'Price',
  compliance: 'Compliance',
};

export const CLARIFICATION_STATUS_LABELS: Record<RecordClarification['status'], string> = {
  awaiting_answer: 'Not answered',
  published: 'Published to every bidder',
  private: 'Answered to the asker only',
};

export const NOT_COUNTED_LABELS: Record<NotCounted, string> = {
  draft: 'Draft, never submitted',
  conflict: 'Conflict of interest declared on this bid',
  group_not_asked: "This member's group does not score this criterion",
};
