import { fromHundredths } from '../../common/domain/decimals';
import { WIDER_OUTCOME_CATEGORIES, type Category, type PanelGroup } from '../../criteria/domain';
import type { CategoryKey, EngineInput, PresentedBid } from '../../results/engine';

/*
 * What an assessment summary says (Procurement Act 2023 s.50(3)–(5), Procurement Regulations 2024
 * reg. 31): the award criteria with their relative importance and how each was scored, the
 * supplier's score per criterion with its explanation, sub-criteria, sub-totals and total, the
 * same figures for the most advantageous tender, and the reasons for any exclusion. Every figure
 * is the engine's, exactly as GET /results presents it (rounded once, there); the only words here
 * that people wrote are the explanations. No panel member is ever named.
 */

export interface SummaryWords {
  /** Criterion id → explanation. */
  explanations: Record<string, string>;
  overall: string;
}

export interface SummaryFacts {
  tender: { reference: string; title: string };
  input: Pick<EngineInput, 'scale' | 'settings' | 'criteria'>;
  bid: PresentedBid;
  /** The awarded bid: the most advantageous tender. */
  winner: PresentedBid | null;
  /** The bid's pass/fail records. */
  gates: readonly { criterionId: string; passed: boolean; note: string }[];
  words: SummaryWords;
}

export interface SummaryLine {
  criterionId: string;
  code: string;
  title: string;
  /** 0 for a top-level criterion, 1 for its sub-criteria… */
  depth: number;
  kind: 'section' | 'scored' | 'price';
  /** Percent of the whole evaluation. */
  weight: number;
  howScored: string;
  /** null for a section, the price, and a missing score. */
  score: number | null;
  /** Percentage points; null for a section and a missing score. */
  weighted: number | null;
  winnerScore: number | null;
  winnerWeighted: number | null;
  /** null for a section. */
  explanation: string | null;
}

export interface SummaryGate {
  criterionId: string;
  code: string;
  title: string;
  passed: boolean | null;
  note: string | null;
}

export interface SummarySubtotal {
  key: CategoryKey;
  label: string;
  value: number;
  winnerValue: number | null;
}

export interface SummaryContent {
  tender: { reference: string; title: string };
  bidderName: string;
  isWinner: boolean;
  winnerName: string | null;
  scale: { min: number; max: number };
  price: number;
  winnerPrice: number | null;
  criteria: SummaryLine[];
  gates: SummaryGate[];
  subtotals: SummarySubtotal[];
  total: number;
  winnerTotal: number | null;
  eligible: boolean;
  exclusions: { reason: string; criterion: string | null; detail: string }[];
  overall: string;
}

const SUBTOTAL_LABELS: Record<CategoryKey, string> = {
  quality: 'Quality',
  co_production: 'Co-production',
  social_outcome: 'Social outcomes',
  economic_outcome: 'Economic outcomes',
  environmental_outcome: 'Environmental outcomes',
  wider_outcomes: 'Wider outcomes (social, economic and environmental together)',
  price: 'Price',
};

const GROUP_WORDS: Record<PanelGroup, string> = {
  lived_experience: 'members with lived experience',
  professional: 'professional members',
};

const PRICE_WORDS: Record<EngineInput['settings']['priceFormula'], string> = {
  lowest_ratio: 'the lowest price divided by this price, times the weight',
  linear_deviation: 'the full weight less the share by which this price is above the lowest price (never below 0)',
  min_max_linear: 'the weight times how far this price sits below the highest price, between the highest and the lowest',
};

type Criterion = SummaryFacts['input']['criteria'][number];

/** The criteria of the tree that a summary explains (sections, scored and price), depth-first in sibling order. */
export function summaryCriteria(criteria: readonly Criterion[]): { criterion: Criterion; depth: number }[] {
  const children = new Map<string | null, Criterion[]>();
  for (const criterion of criteria) children.set(criterion.parentId, [...(children.get(criterion.parentId) ?? []), criterion]);
  const out: { criterion: Criterion; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const criterion of [...(children.get(parentId) ?? [])].sort((a, b) => a.order - b.order)) {
      out.push({ criterion, depth });
      walk(criterion.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The criteria whose explanation the team writes: scored leaves and the price. */
export function explainedCriteria(criteria: readonly Criterion[]): Criterion[] {
  return criteria.filter((criterion) => criterion.kind === 'scored' || criterion.kind === 'price');
}

export function howScored(criterion: Criterion, input: SummaryFacts['input']): string {
  const { scale, settings } = input;
  if (criterion.kind === 'section') return 'The sum of the weighted scores of its sub-criteria.';
  if (criterion.kind === 'price') return `Scored by formula: ${PRICE_WORDS[settings.priceFormula]}.`;
  if (criterion.kind === 'pass_fail') return 'Pass or fail: a tender that does not pass cannot be ranked.';
  const groups = criterion.scoredBy.map((group) => GROUP_WORDS[group]).join(' and ');
  const aggregation = settings.aggregation === 'median' ? 'the median' : 'the average (mean)';
  const split = criterion.groupWeights
    ? ` The ${criterion.scoredBy.map((group) => `${GROUP_WORDS[group]} count ${criterion.groupWeights?.[group] ?? 0}%`).join(' and the ')}.`
    : '';
  const moderation = settings.moderationRequired
    ? ' The score was then agreed at moderation.'
    : ' Where the panel disagreed, the team agreed a score at moderation.';
  return (
    `Scored by the panel's ${groups} on a scale of ${scale.min} to ${scale.max}; the panel's score is ${aggregation} of their scores.` +
    split +
    moderation +
    ` Weighted score = weight × (score − ${scale.min}) ÷ ${scale.max - scale.min}.`
  );
}

/** The summary of one bid, from the engine's presented result and the team's words. */
export function summaryContent(facts: SummaryFacts): SummaryContent {
  const { bid, winner, input } = facts;
  const resultOf = (of: PresentedBid | null, criterionId: string) =>
    of?.criteria.find((entry) => entry.criterionId === criterionId) ?? null;
  const criteria: SummaryLine[] = [];
  const gates: SummaryGate[] = [];
  for (const { criterion, depth } of summaryCriteria(input.criteria)) {
    if (criterion.kind === 'pass_fail') {
      const record = facts.gates.find((gate) => gate.criterionId === criterion.id);
      gates.push({
        criterionId: criterion.id,
        code: criterion.code,
        title: criterion.title,
        passed: record ? record.passed : null,
        note: record?.note || null,
      });
      continue;
    }
    const own = resultOf(bid, criterion.id);
    const best = resultOf(winner, criterion.id);
    criteria.push({
      criterionId: criterion.id,
      code: criterion.code,
      title: criterion.title,
      depth,
      kind: criterion.kind,
      weight: fromHundredths(criterion.weightHundredths),
      howScored: howScored(criterion, input),
      score: own?.score ?? null,
      weighted: own?.weighted ?? null,
      winnerScore: best?.score ?? null,
      winnerWeighted: best?.weighted ?? null,
      explanation: criterion.kind === 'section' ? null : (facts.words.explanations[criterion.id] ?? ''),
    });
  }
  return {
    tender: facts.tender,
    bidderName: bid.bidderName,
    isWinner: winner?.bidId === bid.bidId,
    winnerName: winner?.bidderName ?? null,
    scale: input.scale,
    price: bid.price,
    winnerPrice: winner?.price ?? null,
    criteria,
    gates,
    subtotals: subtotalKeys(input.criteria).map((key) => ({
      key,
      label: SUBTOTAL_LABELS[key],
      value: bid.byCategory[key],
      winnerValue: winner ? winner.byCategory[key] : null,
    })),
    total: bid.total,
    winnerTotal: winner?.total ?? null,
    eligible: bid.eligible,
    exclusions: bid.exclusions.map((exclusion) => ({
      reason: exclusion.reason,
      criterion: exclusion.criterion ?? null,
      detail: exclusion.detail,
    })),
    overall: facts.words.overall,
  };
}

/** The engine's category sub-totals this tender's criteria give weight to (wider outcomes when two or more outcomes do). */
function subtotalKeys(criteria: readonly Criterion[]): CategoryKey[] {
  const weighted = new Set<Category>();
  for (const criterion of criteria)
    if ((criterion.kind === 'scored' || criterion.kind === 'price') && criterion.category && criterion.weightHundredths > 0)
      weighted.add(criterion.category);
  const outcomes = WIDER_OUTCOME_CATEGORIES.filter((key) => weighted.has(key)) as CategoryKey[];
  const keys: CategoryKey[] = ['quality', 'co_production', ...outcomes];
  if (outcomes.length > 1) keys.push('wider_outcomes');
  keys.push('price');
  return keys.filter((key) => key === 'wider_outcomes' || weighted.has(key as Category));
}

/**
 * The first draft's words: for each explained criterion, the moderation rationale when the score
 * was agreed at moderation, else what the panel members wrote (never who wrote it); the price's
 * formula; and an overall sentence. No figures: the service prints those beside the words.
 */
export function draftWords(input: {
  criteria: readonly Criterion[];
  bid: PresentedBid;
  winnerBidId: string | null;
  moderationRationale: ReadonlyMap<string, string>;
  panelRationales: ReadonlyMap<string, readonly string[]>;
}): SummaryWords {
  const explanations: Record<string, string> = {};
  for (const criterion of explainedCriteria(input.criteria)) {
    const result = input.bid.criteria.find((entry) => entry.criterionId === criterion.id);
    const moderated = input.moderationRationale.get(criterion.id);
    const panel = (input.panelRationales.get(criterion.id) ?? []).map((text) => text.trim()).filter(Boolean);
    explanations[criterion.id] =
      criterion.kind === 'price'
        ? 'Your price was scored by the formula shown, against the lowest price of the eligible tenders.'
        : result?.source === 'moderated' && moderated
          ? `The score was agreed at moderation. ${moderated.trim()}`
          : panel.length > 0
            ? `What the panel said about your tender:\n${panel.map((text) => `- ${text}`).join('\n')}`
            : 'Your tender was not given a score on this criterion.';
  }
  const overall =
    input.bid.bidId === input.winnerBidId
      ? 'Your tender was the most advantageous tender, and the contract is to be awarded to you.'
      : !input.bid.eligible
        ? 'Your tender could not be ranked, for the reasons given below.'
        : 'Your tender was not the most advantageous tender. The table shows your scores beside those of the most advantageous tender.';
  return { explanations, overall };
}
