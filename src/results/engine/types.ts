import type { Category, CriterionKind, PanelGroup } from '../../criteria/domain/criteria-vocabulary';
import type { Aggregation, PriceFormula, ScoringSettings, TieBreak } from '../../tenders/domain/tender-settings';
import type { Rational } from './rational';

/*
 * Engine input: plain data the results service builds from the database. Every decimal
 * setting is an integer number of hundredths so that nothing on the way in is a binary
 * float: a divergence threshold of 1.5 scale points is 150, a ratio of 0.8 is 80, a
 * weight of 40.25 % is 4025.
 */

// The vocabulary is the criteria's and the tender settings' own (one source each).
export { PANEL_GROUPS } from '../../criteria/domain/criteria-vocabulary';
export type { Aggregation, Category, CriterionKind, PanelGroup, PriceFormula, TieBreak };

export interface EngineScale {
  min: number;
  max: number;
}

/** The scoring settings as a tender stores them (tenders/domain/tender-settings.ts). */
export type EngineSettings = ScoringSettings;

export interface EngineCriterion {
  id: string;
  code: string;
  title: string;
  parentId: string | null;
  kind: CriterionKind;
  /** Leaves always carry one; a section may carry one as a label (ignored for subtotals). */
  category: Category | null;
  /** Percent of the whole tender × 100 (40.25 % is 4025). */
  weightHundredths: number;
  /** Minimum criterion score on the scale, at most 2 decimals; scored leaves only. */
  threshold: number | null;
  scoredBy: PanelGroup[];
  /** Integer percents keyed by the `scoredBy` groups, summing to 100. */
  groupWeights: Partial<Record<PanelGroup, number>> | null;
  /** Position among siblings. */
  order: number;
}

export interface EnginePanelist {
  id: string;
  group: PanelGroup;
}

export interface EngineComplianceRecord {
  criterionId: string;
  passed: boolean;
}

export interface EngineBid {
  id: string;
  bidderName: string;
  /** Only bids submitted by the deadline are passed in; later disqualification shows here. */
  status: 'submitted' | 'disqualified';
  disqualificationReason?: string | null;
  /** Price in pence, > 0. */
  pricePence: bigint | number;
  /** Recorded gates only; a gate with no record is a gap. */
  compliance: EngineComplianceRecord[];
  /** Panelists who declared a conflict of interest with this bid. */
  conflicts: string[];
}

export interface EngineIndividualScore {
  bidId: string;
  criterionId: string;
  panelistId: string;
  score: number;
  /** Drafts are passed for completeness of the record but never counted. */
  submitted: boolean;
}

export interface EngineModeratedScore {
  bidId: string;
  criterionId: string;
  /** The latest version only. */
  score: number;
}

export interface EngineInput {
  scale: EngineScale;
  settings: EngineSettings;
  criteria: EngineCriterion[];
  panelists: EnginePanelist[];
  bids: EngineBid[];
  individualScores: EngineIndividualScore[];
  moderatedScores: EngineModeratedScore[];
}

/* ---------------------------------------------------------------- output ---------- */

export type GapKind = 'moderated' | 'panel' | 'compliance';

export interface Gap {
  bidId: string;
  /** The criterion's code. */
  criterion: string;
  criterionId: string;
  missing: GapKind;
}

export type ExclusionReason = 'disqualified' | 'failed_gate' | 'below_threshold';

export interface Exclusion {
  reason: ExclusionReason;
  /** Code of the gate or thresholded criterion; absent for a disqualification. */
  criterion?: string;
  /** A plain English sentence a bidder could be sent. */
  detail: string;
}

export type FlagType = 'divergence' | 'group_divergence' | 'quorum_not_met' | 'abnormally_low_price';

export interface Flag {
  type: FlagType;
  /** Criterion code; null for a bid-level flag (abnormally low price). */
  criterion: string | null;
}

export type ScoreSource = 'moderated' | 'panel' | 'price' | 'missing';

export interface CriterionResult {
  criterionId: string;
  code: string;
  /** The criterion score on the scale; null for the price leaf and for a missing score. */
  score: Rational | null;
  /** Percentage points; null when missing, and for the price of an ineligible bid. */
  weighted: Rational | null;
  source: ScoreSource;
  /** Each group's aggregated panel score, when the leaf has group weights. */
  groupScores?: Partial<Record<PanelGroup, Rational>>;
}

export const CATEGORY_KEYS = [
  'quality',
  'co_production',
  'social_outcome',
  'economic_outcome',
  'environmental_outcome',
  'wider_outcomes',
  'price',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export type CategoryTotals = Record<CategoryKey, Rational>;

export interface BidResult {
  bidId: string;
  bidderName: string;
  status: 'submitted' | 'disqualified';
  eligible: boolean;
  exclusions: Exclusion[];
  pricePence: bigint;
  rank: number | null;
  /** Sum of the weighted scores present (see engine.ts on missing scores). */
  total: Rational;
  byCategory: CategoryTotals;
  /** Scored and price leaves in tree order (gates appear in exclusions and gaps). */
  criteria: CriterionResult[];
  flags: Flag[];
}

export interface SensitivityShift {
  /** Codes of the top-level nodes weight moves from and to. */
  from: string;
  to: string;
  /** Percentage points, 2 decimals, rounded up so the stated move really suffices. */
  points: number;
}

export interface Sensitivity {
  winnerBidId: string;
  runnerUpBidId: string;
  /** True when no move of weight between two top-level nodes changes their order. */
  robust: boolean;
  smallestShift: SensitivityShift | null;
  sentence: string;
}

export interface EngineResult {
  complete: boolean;
  gaps: Gap[];
  /** Ranked bids by rank, then unranked bids by total (descending), then bidder name. */
  bids: BidResult[];
  sensitivity: Sensitivity | null;
}

/** Per bid × scored criterion, what the panel did; shared by results and moderation. */
export interface PanelStatistics {
  bidId: string;
  criterionId: string;
  code: string;
  /**
   * The usable scores (submitted, unconflicted panelist, of a group that scores the
   * leaf): the very records passed in, so any extra field the caller put on them (a
   * rationale, a timestamp) comes back too.
   */
  scores: EngineIndividualScore[];
  count: number;
  min: number | null;
  max: number | null;
  spread: number | null;
  /** Plain means per group, whatever the aggregation (§7 compares means). */
  groupMeans: Record<PanelGroup, Rational | null>;
  /** Per group, aggregated with the tender's aggregation; only with group weights. */
  groupScores: Partial<Record<PanelGroup, Rational>> | null;
  /** The §3.2 panel score, or null when no usable score exists. */
  panelScore: Rational | null;
  /** divergence, group_divergence, quorum_not_met for this bid × criterion. */
  flags: Flag[];
}
