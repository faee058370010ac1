/*
 * Social value's share of a tender (PPN 002). Social value is the weight of the leaves whose
 * category is a wider outcome: social, economic and environmental outcomes (SCORING.md §2, the
 * triple bottom line of the Camden / nef model). Co-production is not counted: it is how the
 * service is designed and run with the people who use it, a quality of delivery, not an outcome
 * for the wider community. Sections are labels only: the leaves decide, as in the subtotals.
 *
 * PPN 002 (February 2025) asks central government buyers for at least 10 % of the total score;
 * other buyers "may wish to apply" it. So it is a warning, never a block.
 */
import { WIDER_OUTCOME_CATEGORIES, type Category, type CriterionKind } from './criteria-vocabulary';

/** The categories that count as social value: the wider outcomes. */
export const SOCIAL_VALUE_CATEGORIES: readonly Category[] = WIDER_OUTCOME_CATEGORIES;

/** 10 % in hundredths: PPN 002's minimum share. */
export const PPN002_MINIMUM_HUNDREDTHS = 1_000;

export const PPN002_WARNING = 'ppn002_social_value_under_10';

export interface WeightedNode {
  kind: CriterionKind;
  category: string | null;
  weightHundredths: number;
}

export interface TenderWarning {
  code: typeof PPN002_WARNING;
  message: string;
}

/** The weight of the social value leaves, in hundredths of a percent (exact). */
export function socialValueHundredths(nodes: readonly WeightedNode[]): number {
  return nodes
    .filter((node) => node.kind !== 'section' && (SOCIAL_VALUE_CATEGORIES as readonly string[]).includes(node.category ?? ''))
    .reduce((sum, node) => sum + node.weightHundredths, 0);
}

const percent = (hundredths: number): string => `${hundredths / 100}%`;

/** The tender's warnings: PPN 002's when social value weighs under 10 % of the whole. */
export function tenderWarnings(nodes: readonly WeightedNode[]): TenderWarning[] {
  const social = socialValueHundredths(nodes);
  if (social >= PPN002_MINIMUM_HUNDREDTHS) return [];
  return [
    {
      code: PPN002_WARNING,
      message:
        `Social value (social, economic and environmental outcomes) is ${percent(social)} of the total. ` +
        'Government guidance (PPN 002) asks central government buyers for at least 10%; other buyers may wish to apply it. ' +
        'This does not stop the tender.',
    },
  ];
}
