import { penceToPounds } from '../../common/domain/decimals';
import { Rational } from './rational';
import {
  CATEGORY_KEYS,
  CategoryKey,
  CloseCall,
  CloseCallReason,
  EngineResult,
  Exclusion,
  Flag,
  PanelStatistics,
  Gap,
  GroupInfluence,
  GroupScenarioKind,
  MarkChange,
  PanelGroup,
  PanelistCalibration,
  Robustness,
  ScoreSource,
  Sensitivity,
} from './types';

/** The `results` body of API.md ("Results and exports"), minus `tenderId`. */
export interface PresentedResults {
  complete: boolean;
  gaps: Gap[];
  sensitivity: Sensitivity | null;
  robustness: PresentedRobustness | null;
  closeCall: PresentedCloseCall | null;
  groupInfluence: PresentedGroupInfluence | null;
  calibration: PresentedCalibration[];
  bids: PresentedBid[];
}

export interface PresentedMarkChange {
  bidId: string;
  criterionId: string;
  code: string;
  from: number;
  to: number;
  change: number;
  effect: MarkChange['effect'];
}

export interface PresentedRobustness {
  winnerBidId: string;
  runnersUp: {
    runnerUpBidId: string;
    margin: number;
    level: boolean;
    smallestMarkChange: PresentedMarkChange | null;
    totalChange: number | null;
    oneMarkChanges: PresentedMarkChange[];
    sentence: string;
  }[];
}

export interface PresentedCloseCall {
  alert: boolean;
  reasons: CloseCallReason[];
  margin: number;
  threshold: number;
  recheck: (PresentedMarkChange & { runnerUpBidId: string; source: ScoreSource })[];
  sentence: string;
}

export interface PresentedGroupInfluence {
  criteria: string[];
  scenarios: {
    scenario: GroupScenarioKind;
    totals: { bidId: string; total: number; rank: number }[];
    winnerBidId: string;
    margin: number | null;
    winnerChanged: boolean;
    orderChanged: boolean;
    sentence: string;
  }[];
  panelMargin: number;
  livedExperienceContribution: number;
  /** Percent, 2 decimals. */
  livedExperienceSharePercent: number | null;
  sentence: string;
}

export interface PresentedCalibration {
  panelistId: string;
  group: PanelGroup;
  scores: number;
  mean: number | null;
  spread: number | null;
  comparedCells: number;
  leniency: number | null;
  consensusCells: number;
  consensusAgreements: number;
  consensusDifference: number | null;
  outliers: { bidId: string; criterionId: string; code: string; score: number; othersMean: number }[];
}

export interface PresentedBid {
  bidId: string;
  bidderName: string;
  status: 'submitted' | 'disqualified';
  eligible: boolean;
  exclusions: Exclusion[];
  /** Pounds, 2 decimals. */
  price: number;
  rank: number | null;
  total: number;
  byCategory: Record<CategoryKey, number>;
  criteria: PresentedCriterion[];
  flags: Flag[];
}

export interface PresentedCriterion {
  criterionId: string;
  code: string;
  score: number | null;
  weighted: number | null;
  source: ScoreSource;
  groupScores?: Partial<Record<PanelGroup, number>>;
}

/** Exact → JSON number, rounded half-up to 2 decimals once, here (SCORING.md §6). */
export function presentNumber(value: Rational): number;
export function presentNumber(value: Rational | null): number | null;
export function presentNumber(value: Rational | null): number | null {
  return value === null ? null : value.roundHalfUp(2);
}

/** A cell's panel statistics as every reader shows them: counts and spread as they are, means and the panel score to 2 decimals. */
export function presentCellStatistics(cell: PanelStatistics) {
  return {
    count: cell.count,
    min: cell.min,
    max: cell.max,
    spread: cell.spread,
    groupMeans: {
      lived_experience: presentNumber(cell.groupMeans.lived_experience),
      professional: presentNumber(cell.groupMeans.professional),
    },
    panelScore: presentNumber(cell.panelScore),
  };
}

export function presentResults(result: EngineResult): PresentedResults {
  return {
    complete: result.complete,
    gaps: result.gaps.map((gap) => ({ ...gap })),
    sensitivity: result.sensitivity && {
      ...result.sensitivity,
      smallestShift: result.sensitivity.smallestShift && { ...result.sensitivity.smallestShift },
    },
    robustness: result.robustness && presentRobustness(result.robustness),
    closeCall: result.closeCall && presentCloseCall(result.closeCall),
    groupInfluence: result.groupInfluence && presentGroupInfluence(result.groupInfluence),
    calibration: result.calibration.map(presentCalibration),
    bids: result.bids.map((bid) => ({
      bidId: bid.bidId,
      bidderName: bid.bidderName,
      status: bid.status,
      eligible: bid.eligible,
      exclusions: bid.exclusions.map((exclusion) => ({ ...exclusion })),
      price: penceToPounds(bid.pricePence),
      rank: bid.rank,
      total: presentNumber(bid.total),
      byCategory: Object.fromEntries(CATEGORY_KEYS.map((key) => [key, presentNumber(bid.byCategory[key])])) as Record<
        CategoryKey,
        number
      >,
      criteria: bid.criteria.map((criterion) => ({
        criterionId: criterion.criterionId,
        code: criterion.code,
        score: presentNumber(criterion.score),
        weighted: presentNumber(criterion.weighted),
        source: criterion.source,
        ...(criterion.groupScores && {
          groupScores: Object.fromEntries(
            Object.entries(criterion.groupScores).map(([group, score]) => [group, presentNumber(score)]),
          ),
        }),
      })),
      flags: bid.flags.map((flag) => ({ ...flag })),
    })),
  };
}

function presentMarkChange(change: MarkChange): PresentedMarkChange {
  return {
    bidId: change.bidId,
    criterionId: change.criterionId,
    code: change.code,
    from: presentNumber(change.from),
    to: change.to,
    change: presentNumber(change.change),
    effect: change.effect,
  };
}

export function presentRobustness(robustness: Robustness): PresentedRobustness {
  return {
    winnerBidId: robustness.winnerBidId,
    runnersUp: robustness.runnersUp.map((entry) => ({
      runnerUpBidId: entry.runnerUpBidId,
      margin: presentNumber(entry.margin),
      level: entry.level,
      smallestMarkChange: entry.smallestMarkChange && presentMarkChange(entry.smallestMarkChange),
      totalChange: presentNumber(entry.totalChange),
      oneMarkChanges: entry.oneMarkChanges.map(presentMarkChange),
      sentence: entry.sentence,
    })),
  };
}

export function presentCloseCall(closeCall: CloseCall): PresentedCloseCall {
  return {
    alert: closeCall.alert,
    reasons: [...closeCall.reasons],
    margin: presentNumber(closeCall.margin),
    threshold: presentNumber(closeCall.threshold),
    recheck: closeCall.recheck.map((cell) => ({
      ...presentMarkChange(cell),
      runnerUpBidId: cell.runnerUpBidId,
      source: cell.source,
    })),
    sentence: closeCall.sentence,
  };
}

export function presentGroupInfluence(influence: GroupInfluence): PresentedGroupInfluence {
  return {
    criteria: [...influence.criteria],
    scenarios: influence.scenarios.map((scenario) => ({
      scenario: scenario.scenario,
      totals: scenario.totals.map((entry) => ({ bidId: entry.bidId, total: presentNumber(entry.total), rank: entry.rank })),
      winnerBidId: scenario.winnerBidId,
      margin: presentNumber(scenario.margin),
      winnerChanged: scenario.winnerChanged,
      orderChanged: scenario.orderChanged,
      sentence: scenario.sentence,
    })),
    panelMargin: presentNumber(influence.panelMargin),
    livedExperienceContribution: presentNumber(influence.livedExperienceContribution),
    livedExperienceSharePercent: presentNumber(
      influence.livedExperienceShare && influence.livedExperienceShare.mul(Rational.fromInteger(100)),
    ),
    sentence: influence.sentence,
  };
}

export function presentCalibration(member: PanelistCalibration): PresentedCalibration {
  return {
    panelistId: member.panelistId,
    group: member.group,
    scores: member.scores,
    mean: presentNumber(member.mean),
    spread: presentNumber(member.spread),
    comparedCells: member.comparedCells,
    leniency: presentNumber(member.leniency),
    consensusCells: member.consensusCells,
    consensusAgreements: member.consensusAgreements,
    consensusDifference: presentNumber(member.consensusDifference),
    outliers: member.outliers.map((outlier) => ({
      bidId: outlier.bidId,
      criterionId: outlier.criterionId,
      code: outlier.code,
      score: outlier.score,
      othersMean: presentNumber(outlier.othersMean),
    })),
  };
}
