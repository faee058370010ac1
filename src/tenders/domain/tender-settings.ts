/*
 * A tender's settings (API.md `POST /api/tenders`, SCORING.md): the closed lists each
 * setting takes, their defaults, and the default 0–5 scale with its labels. The one source
 * of these lists: the entity's checks, the DTOs and their OpenAPI enums, the template
 * parser and the results engine derive theirs from here.
 */
import { toHundredthsExact } from '../../common/domain/decimals';

export const AGGREGATIONS = ['mean', 'median'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const PRICE_FORMULAS = ['lowest_ratio', 'linear_deviation', 'min_max_linear'] as const;
export type PriceFormula = (typeof PRICE_FORMULAS)[number];
export const TIE_BREAKS = ['none', 'quality', 'price'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];
export const OPENING_APPROVALS = [1, 2] as const;
export type OpeningApprovals = (typeof OPENING_APPROVALS)[number];

/** Every setting, as a person writes it (decimals as JSON numbers). */
export interface TenderSettings {
  aggregation: Aggregation;
  moderationRequired: boolean;
  priceFormula: PriceFormula;
  tieBreak: TieBreak;
  /** Scale points. */
  divergenceThreshold: number;
  minScorers: number;
  abnormallyLowRatio: number;
  priceVisibleToPanel: boolean;
  blindMarking: boolean;
  equalRepresentation: boolean;
  /** How many different team members must approve opening the box (1 or 2). */
  openingApprovals: OpeningApprovals;
}

/** The defaults of API.md (`POST /api/tenders`) and SCORING.md. */
export const DEFAULT_SETTINGS: Readonly<TenderSettings> = Object.freeze({
  aggregation: 'mean',
  moderationRequired: true,
  priceFormula: 'lowest_ratio',
  tieBreak: 'none',
  divergenceThreshold: 2,
  minScorers: 2,
  abnormallyLowRatio: 0.8,
  priceVisibleToPanel: false,
  blindMarking: false,
  equalRepresentation: false,
  openingApprovals: 1,
});

/**
 * The settings the results engine reads, as a tender stores them: every decimal as integer
 * hundredths (a divergence threshold of 1.5 scale points is 150, a ratio of 0.8 is 80).
 */
export interface ScoringSettings {
  aggregation: Aggregation;
  moderationRequired: boolean;
  priceFormula: PriceFormula;
  tieBreak: TieBreak;
  /** Scale points × 100: the default 2 points is 200. */
  divergenceThresholdHundredths: number;
  minScorers: number;
  /** Ratio × 100: the default 0.8 is 80. */
  abnormallyLowRatioHundredths: number;
}

/** Every setting as a tender stores it: the scoring settings and the rest. */
export type StoredTenderSettings = ScoringSettings &
  Pick<TenderSettings, 'priceVisibleToPanel' | 'blindMarking' | 'equalRepresentation' | 'openingApprovals'>;

/** Settings as written → as stored (decimals to exact hundredths). */
export function toStoredSettings(settings: Readonly<TenderSettings>): StoredTenderSettings {
  return {
    aggregation: settings.aggregation,
    moderationRequired: settings.moderationRequired,
    priceFormula: settings.priceFormula,
    tieBreak: settings.tieBreak,
    divergenceThresholdHundredths: toHundredthsExact(settings.divergenceThreshold),
    minScorers: settings.minScorers,
    abnormallyLowRatioHundredths: toHundredthsExact(settings.abnormallyLowRatio),
    priceVisibleToPanel: settings.priceVisibleToPanel,
    blindMarking: settings.blindMarking,
    equalRepresentation: settings.equalRepresentation,
    openingApprovals: settings.openingApprovals,
  };
}

/** The scoring settings of a stored tender (structurally a `Tender`), for the results engine. */
export function scoringSettingsOf(tender: Readonly<ScoringSettings>): ScoringSettings {
  return {
    aggregation: tender.aggregation,
    moderationRequired: tender.moderationRequired,
    priceFormula: tender.priceFormula,
    tieBreak: tender.tieBreak,
    divergenceThresholdHundredths: tender.divergenceThresholdHundredths,
    minScorers: tender.minScorers,
    abnormallyLowRatioHundredths: tender.abnormallyLowRatioHundredths,
  };
}

export interface ScaleLabel {
  label: string;
  /** The same level in plain language, for lived-experience panelists. */
  plainLabel: string;
}

export interface TenderScale {
  min: number;
  max: number;
  /** One entry per integer level, keyed by the level as a string ("0" … "5"). */
  labels: Record<string, ScaleLabel>;
}

/** SCORING.md §1: the default 0–5 scale with professional and plain-language labels. */
export const DEFAULT_SCALE: Readonly<TenderScale> = Object.freeze({
  min: 0,
  max: 5,
  labels: Object.freeze({
    '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' },
    '1': { label: 'Poor', plainLabel: 'Answers a little, with big gaps' },
    '2': { label: 'Weak', plainLabel: 'Answers some of it, not convincing' },
    '3': { label: 'Satisfactory', plainLabel: 'Answers it, with some gaps' },
    '4': { label: 'Good', plainLabel: 'Answers it well, with evidence' },
    '5': { label: 'Excellent', plainLabel: 'Answers it very well, with strong evidence' },
  }),
});

/** Labels for every level of min..max: the given ones, else the defaults, else "Score n". */
export function labelsForScale(min: number, max: number, given?: Record<string, ScaleLabel>): Record<string, ScaleLabel> {
  const labels: Record<string, ScaleLabel> = {};
  for (let level = min; level <= max; level++) {
    const key = String(level);
    labels[key] =
      given?.[key] ??
      (min === DEFAULT_SCALE.min && max === DEFAULT_SCALE.max
        ? { ...DEFAULT_SCALE.labels[key] }
        : { label: `Score ${level}`, plainLabel: `${level} out of ${max}` });
  }
  return labels;
}
