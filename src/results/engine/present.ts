import { penceToPounds } from '../../common/domain/decimals';
import { Rational } from './rational';
import { CATEGORY_KEYS, CategoryKey, EngineResult, Exclusion, Flag, Gap, PanelGroup, ScoreSource, Sensitivity } from './types';

/** The `results` body of API.md ("Results and exports"), minus `tenderId`. */
export interface PresentedResults {
  complete: boolean;
  gaps: Gap[];
  sensitivity: Sensitivity | null;
  bids: PresentedBid[];
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

export function presentResults(result: EngineResult): PresentedResults {
  return {
    complete: result.complete,
    gaps: result.gaps.map((gap) => ({ ...gap })),
    sensitivity: result.sensitivity && {
      ...result.sensitivity,
      smallestShift: result.sensitivity.smallestShift && { ...result.sensitivity.smallestShift },
    },
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
