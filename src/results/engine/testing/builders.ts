/**
 * Small builders for engine inputs, for specs and the benchmark. Plain data only.
 * Ids deliberately differ from codes (criterion "Q1" has id "c-Q1", bid "A" has id
 * "bid-A") so a spec notices when the engine confuses the two.
 */
import {
  Category,
  CriterionKind,
  EngineBid,
  EngineCriterion,
  EngineIndividualScore,
  EngineInput,
  EngineModeratedScore,
  EngineSettings,
  PanelGroup,
} from '../types';

export const DEFAULT_SETTINGS: EngineSettings = {
  aggregation: 'mean',
  moderationRequired: true,
  priceFormula: 'lowest_ratio',
  tieBreak: 'none',
  divergenceThresholdHundredths: 200,
  minScorers: 2,
  abnormallyLowRatioHundredths: 80,
};

export interface InputParts {
  scale?: { min: number; max: number };
  settings?: Partial<EngineSettings>;
  criteria: EngineCriterion[];
  panelists?: { id: string; group: PanelGroup }[];
  bids: EngineBid[];
  individualScores?: EngineIndividualScore[];
  moderatedScores?: EngineModeratedScore[];
}

export function buildInput(parts: InputParts): EngineInput {
  return {
    scale: parts.scale ?? { min: 0, max: 5 },
    settings: { ...DEFAULT_SETTINGS, ...parts.settings },
    criteria: parts.criteria,
    panelists: parts.panelists ?? [],
    bids: parts.bids,
    individualScores: parts.individualScores ?? [],
    moderatedScores: parts.moderatedScores ?? [],
  };
}

export const criterionId = (code: string) => `c-${code}`;
export const bidId = (letter: string) => `bid-${letter}`;

/** `weight` in percent (40.25 → 4025 hundredths). Siblings sort by `order`, then code. */
export function criterion(
  code: string,
  kind: CriterionKind,
  weight: number,
  options: Partial<Omit<EngineCriterion, 'id' | 'code' | 'kind' | 'weightHundredths'>> & {
    parent?: string;
  } = {},
): EngineCriterion {
  const defaultCategory: Record<CriterionKind, Category | null> = {
    section: null,
    scored: 'quality',
    price: 'price',
    pass_fail: 'compliance',
  };
  const { parent, ...rest } = options;
  return {
    id: criterionId(code),
    code,
    title: `Title of ${code}`,
    parentId: parent ? criterionId(parent) : null,
    kind,
    category: defaultCategory[kind],
    weightHundredths: Math.round(weight * 100),
    threshold: null,
    scoredBy: ['lived_experience', 'professional'],
    groupWeights: null,
    order: 0,
    ...rest,
  };
}

/** `pounds` may have pence: 1234.56. */
export function bid(letter: string, pounds: number, options: Partial<EngineBid> = {}): EngineBid {
  return {
    id: bidId(letter),
    bidderName: `Bid ${letter}`,
    status: 'submitted',
    disqualificationReason: null,
    pricePence: BigInt(Math.round(pounds * 100)),
    compliance: [],
    conflicts: [],
    ...options,
  };
}

/** Submitted scores of one bid × criterion: `{ panelistId: score }`. */
export function scores(
  letter: string,
  code: string,
  byPanelist: Record<string, number>,
  submitted = true,
): EngineIndividualScore[] {
  return Object.entries(byPanelist).map(([panelistId, score]) => ({
    bidId: bidId(letter),
    criterionId: criterionId(code),
    panelistId,
    score,
    submitted,
  }));
}

export function moderated(letter: string, code: string, score: number): EngineModeratedScore {
  return { bidId: bidId(letter), criterionId: criterionId(code), score };
}

/** Panelists `le1..leN` (lived experience) and `pro1..proM` (professional). */
export function panel(livedExperience: number, professional: number) {
  return [
    ...Array.from({ length: livedExperience }, (_, i) => ({ id: `le${i + 1}`, group: 'lived_experience' as const })),
    ...Array.from({ length: professional }, (_, i) => ({ id: `pro${i + 1}`, group: 'professional' as const })),
  ];
}

/** The presented or exact result of one bid, by its letter. */
export function bidOf<T extends { bidId: string }>(result: { bids: T[] }, letter: string): T {
  const found = result.bids.find((entry) => entry.bidId === bidId(letter));
  if (!found) throw new Error(`No bid ${letter} in the results`);
  return found;
}
