/* Builders for the criteria specs: a valid node of each kind, and two whole trees. */
import type { FlatCriterion } from '../criteria-vocabulary';
import type { Violation } from '../criterion-shape';

export const SCALE = { min: 0, max: 5 };

/** A valid scored leaf at the top level; every test says what it changes. */
export function criterion(overrides: Partial<FlatCriterion> & { code: string }): FlatCriterion {
  return {
    id: overrides.code,
    parentId: null,
    title: `Criterion ${overrides.code}`,
    kind: 'scored',
    category: 'quality',
    weightHundredths: 0,
    threshold: null,
    scoredBy: ['lived_experience', 'professional'],
    groupWeights: null,
    maxWords: null,
    order: 0,
    ...overrides,
  };
}

export const section = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'section', category: null, weightHundredths: weight, scoredBy: [], ...extra });
export const scored = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, weightHundredths: weight, ...extra });
export const price = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'price', category: 'price', weightHundredths: weight, scoredBy: [], ...extra });
export const gate = (code: string, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'pass_fail', category: 'compliance', weightHundredths: 0, scoredBy: [], ...extra });

/** SCORING.md §10: Q1 40, C1 30 (groups 50/50), P 30 — plus a gate, which weighs nothing. */
export function workedExample(): FlatCriterion[] {
  return [
    scored('Q1', 4000, { order: 1 }),
    scored('C1', 3000, {
      order: 2,
      category: 'co_production',
      groupWeights: { lived_experience: 50, professional: 50 },
    }),
    price('P', 3000, { order: 3 }),
    gate('G1', { order: 4 }),
  ];
}

/** Quality 55 split over a nested section, price 45: three levels, decimals on the way. */
export function nestedTender(): FlatCriterion[] {
  return [
    section('Q', 5500, { order: 1, category: 'quality' }),
    section('Q1', 3025, { parentId: 'Q', order: 1 }),
    scored('Q1a', 1512, { parentId: 'Q1', order: 1 }),
    scored('Q1b', 1513, { parentId: 'Q1', order: 2, threshold: 2 }),
    scored('Q2', 2475, { parentId: 'Q', order: 2, category: 'social_outcome' }),
    price('P', 4500, { order: 2 }),
    section('G', 0, { order: 3, category: 'compliance' }),
    gate('G1', { parentId: 'G', order: 1 }),
  ];
}

export const rules = (violations: Violation[]) => violations.map((v) => v.rule);
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
