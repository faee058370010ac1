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

/**
 * The scoring settings as a tender stores them (tenders/domain/tender-settings.ts), and the
 * close-call margin: percentage points × 100 (SCORING.md §11.2); a winning margin below it is
 * a close call. Absent means the default, 1 point (100).
 */
export type EngineSettings = ScoringSettings & { closeCallMarginHundredths?: number };

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
  /** §11.1; null with fewer than two ranked bids. */
  robustness: Robustness | null;
  /** §11.2; null with fewer than two ranked bids. */
  closeCall: CloseCall | null;
  /** §11.3; null with fewer than two ranked bids or no criterion lived-experience members score. */
  groupInfluence: GroupInfluence | null;
  /** §11.4, per panel member by id. Reporting only: no score depends on it. */
  calibration: PanelistCalibration[];
}

/* --------------------------------------------------- robustness (§11) ---------- */

/** One bid × criterion score changed to another whole score on the scale. */
export interface MarkChange {
  /** Whose score changes: the winner's (lowered) or the runner-up's (raised). */
  bidId: string;
  criterionId: string;
  code: string;
  /** The criterion score now (moderated, else panel). */
  from: Rational;
  /** The whole score it would change to. */
  to: number;
  /** |to − from|, in scale points. */
  change: Rational;
  /** `order`: the runner-up would be level or ahead; `below_threshold`: the winner could not be ranked. */
  effect: 'order' | 'below_threshold';
}

export interface RunnerUpRobustness {
  runnerUpBidId: string;
  /** Winner's exact total − the runner-up's. */
  margin: Rational;
  /** They already share the rank: nothing needs to change. */
  level: boolean;
  /** The smallest single-score change that puts the runner-up level or ahead; null when level or when none can. */
  smallestMarkChange: MarkChange | null;
  /** The smallest fall in the winner's total, a whole number of hundredths of a point; null when level. */
  totalChange: Rational | null;
  /** Every score whose change by at most one scale point would do it. */
  oneMarkChanges: MarkChange[];
  sentence: string;
}

export interface Robustness {
  winnerBidId: string;
  /** Every other ranked bid, in ranked order. */
  runnersUp: RunnerUpRobustness[];
}

export type CloseCallReason = 'margin' | 'single_mark';

export interface RecheckCell extends MarkChange {
  /** The runner-up this change would bring level with or ahead of the winner. */
  runnerUpBidId: string;
  source: ScoreSource;
}

export interface CloseCall {
  alert: boolean;
  reasons: CloseCallReason[];
  /** The winner's lead over the first runner-up, exact. */
  margin: Rational;
  /** The tender's close-call margin, in points. */
  threshold: Rational;
  /** Scores to check again at moderation, in the order of `bids`, then tree order. */
  recheck: RecheckCell[];
  sentence: string;
}

export type GroupScenarioKind = 'as_scored' | 'without_lived_experience' | 'equal_group_weights' | 'lived_experience_only';

export interface ScenarioTotal {
  bidId: string;
  total: Rational;
  rank: number;
}

export interface GroupScenario {
  scenario: GroupScenarioKind;
  /** Eligible bids in the scenario's ranked order. */
  totals: ScenarioTotal[];
  winnerBidId: string;
  /** The scenario winner's lead over its runner-up; null with one ranked bid. */
  margin: Rational | null;
  /** Compared with the results. */
  winnerChanged: boolean;
  orderChanged: boolean;
  sentence: string;
}

export interface GroupInfluence {
  /** Codes of the scored criteria lived-experience members score. */
  criteria: string[];
  scenarios: GroupScenario[];
  /** The winner's lead over the runner-up on the panel's own scores (scenario `as_scored`). */
  panelMargin: Rational;
  /** How much of `panelMargin` the lived-experience scores make: as scored − without them. */
  livedExperienceContribution: Rational;
  /** contribution / panelMargin; null when the panel margin is 0. */
  livedExperienceShare: Rational | null;
  sentence: string;
}

export interface CalibrationOutlier {
  bidId: string;
  criterionId: string;
  code: string;
  score: number;
  /** The mean of the other members' usable scores on the cell. */
  othersMean: Rational;
}

export interface PanelistCalibration {
  panelistId: string;
  group: PanelGroup;
  /** Usable scores (§3.2) the member gave. */
  scores: number;
  mean: Rational | null;
  /** Mean absolute deviation of the member's scores around their own mean. */
  spread: Rational | null;
  /** Cells the member scored together with at least one other member. */
  comparedCells: number;
  /** Mean of (own score − mean of the others' scores) over those cells; positive is generous. */
  leniency: Rational | null;
  /** Cells with a moderated score the member scored. */
  consensusCells: number;
  /** Of those, how many the member scored exactly as the consensus. */
  consensusAgreements: number;
  /** Mean |own score − moderated score| over those cells. */
  consensusDifference: Rational | null;
  /** Cells where the member alone stands far from the others. */
  outliers: CalibrationOutlier[];
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
