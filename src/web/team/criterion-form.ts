import { DomainError } from '../../common/domain/domain-error';
import type { CriterionResponse } from '../../criteria/dto/criterion.response';
import { PANEL_GROUPS } from '../../criteria/domain';
import { addError, type FormErrors } from '../form';
import { formValue } from '../web-page';
import { fieldProblems } from './team-frame';

/*
 * The criterion form (criteria-pages.controller.ts): its fields as typed, as the API's body
 * (CreateCriterionDto / UpdateCriterionDto), and the API's refusals in words for people.
 */

export const SCORED_CATEGORY = 'Choose a category for a scored question: quality, co-production or a social value outcome';

export const CRITERION_WORDS: Record<string, string> = {
  code: 'Enter a code of 1 to 30 letters or digits, like Q1 or CP2',
  title: 'Enter the question or the section’s title',
  kind: 'Choose what kind of criterion it is',
  category: 'Choose a category',
  weight: 'Enter a weight from 0 to 100, with at most 2 decimal places',
  threshold: 'Enter a threshold score with at most 2 decimal places',
  scoredBy: 'Choose who scores it',
  maxWords: 'Enter a word limit from 1 to 20,000',
  guidance: 'The guidance must be 10,000 characters or fewer',
  plainGuidance: 'The plain guidance must be 10,000 characters or fewer',
  groupWeights: 'Enter each group’s share as a whole number of percent, like 60 and 40',
  parentId: 'Choose the section it belongs to',
};

export function criterionValues(body: unknown): Record<string, string> {
  const keys = [
    'parentId',
    'code',
    'title',
    'kind',
    'category',
    'weight',
    'threshold',
    'scoredBy',
    'maxWords',
    'guidance',
    'plainGuidance',
    GROUP_SHARE_FIELDS.professional,
    GROUP_SHARE_FIELDS.lived_experience,
  ];
  return Object.fromEntries(
    keys.map((key) => [key, key === 'guidance' || key === 'plainGuidance' ? formValue(body, key) : formValue(body, key).trim()]),
  );
}

/** The form as the API's body: numbers as numbers, blanks as "not given" (or, on a change, "none"). */
export function toDto(values: Record<string, string>, change: boolean): Record<string, unknown> {
  const number = (text: string) => (text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  const cleared = (text: string, convert: (t: string) => unknown) => (text === '' ? (change ? null : undefined) : convert(text));
  const kind = values.kind;
  return {
    ...(values.parentId ? { parentId: values.parentId } : {}),
    code: values.code || undefined,
    title: values.title || undefined,
    kind: kind || undefined,
    ...(values.category ? { category: values.category } : {}),
    weight: number(values.weight),
    threshold: kind === 'scored' ? cleared(values.threshold, number) : change ? null : undefined,
    ...(kind === 'scored' && values.scoredBy
      ? { scoredBy: values.scoredBy === 'both' ? [...PANEL_GROUPS] : [values.scoredBy] }
      : {}),
    groupWeights: groupWeightsDto(values, number, change),
    maxWords: cleared(values.maxWords, number),
    guidance: cleared(values.guidance.trim(), () => values.guidance),
    plainGuidance: cleared(values.plainGuidance.trim(), () => values.plainGuidance),
  };
}

/** The form's two share boxes, by group (the API's `groupWeights` keys). */
export const GROUP_SHARE_FIELDS = {
  professional: 'groupWeights-professional',
  lived_experience: 'groupWeights-lived_experience',
} as const;

/** Both groups score it: the split as typed, or nothing when both boxes are empty. */
function sharesTyped(values: Record<string, string>): { professional: string; lived_experience: string } | null {
  if (values.kind !== 'scored' || values.scoredBy !== 'both') return null;
  const professional = values[GROUP_SHARE_FIELDS.professional];
  const lived = values[GROUP_SHARE_FIELDS.lived_experience];
  return professional === '' && lived === '' ? null : { professional, lived_experience: lived };
}

/**
 * The API's `groupWeights`: only for a question both groups score (the boxes are ignored
 * otherwise, so a criterion scored by one group never keeps a split); null clears it on a change.
 */
function groupWeightsDto(
  values: Record<string, string>,
  number: (text: string) => unknown,
  change: boolean,
): Record<string, unknown> | null | undefined {
  const shares = sharesTyped(values);
  if (!shares) return change ? null : undefined;
  return { professional: number(shares.professional), lived_experience: number(shares.lived_experience) };
}

/** One box filled and the other empty: ask for both (the API would name the missing group). */
export function checkBothShares(form: FormErrors, values: Record<string, string>): void {
  const shares = sharesTyped(values);
  if (!shares || (shares.professional !== '' && shares.lived_experience !== '')) return;
  const missing = shares.professional === '' ? 'professional' : 'lived_experience';
  addError(
    form,
    'groupWeights',
    'Enter both shares, or leave both empty to count every panel member’s score the same',
    GROUP_SHARE_FIELDS[missing],
  );
}

export function groupWeightValues(node: CriterionResponse): Record<string, string> {
  const share = (group: 'professional' | 'lived_experience') => {
    const weight = node.groupWeights?.[group];
    return weight === undefined ? '' : String(weight);
  };
  return {
    [GROUP_SHARE_FIELDS.professional]: share('professional'),
    [GROUP_SHARE_FIELDS.lived_experience]: share('lived_experience'),
  };
}

/** The service's group-weight rule (criterion-shape.ts, the API's), in words for the form. */
function groupWeightRefusal(violation: { expected?: string; found?: string }): string {
  if (violation.expected === '100' && violation.found !== undefined)
    return `The two shares must add up to 100%. They add up to ${violation.found}%`;
  return 'Each share must be a whole number from 1 to 100. To leave a group out, choose who scores it instead';
}

/** A rule of the tree broken (422) or the tender no longer a draft (409), in the service's own sentence on the field. */
export function refusal(form: FormErrors, error: unknown, values: Record<string, string>): void {
  if (!(error instanceof DomainError) || !['invalid_state', 'rule_violation', 'validation'].includes(error.code)) throw error;
  const violations = Array.isArray(error.extensions.violations)
    ? (error.extensions.violations as { rule: string; expected?: string; found?: string }[])
    : [];
  const split = violations.find((violation) => violation.rule === 'group_weights');
  if (split && sharesTyped(values)) {
    addError(form, 'groupWeights', groupWeightRefusal(split), GROUP_SHARE_FIELDS.professional);
    return;
  }
  const [problem] = fieldProblems(error);
  const field = problem && problem.field in CRITERION_WORDS ? problem.field : 'title';
  addError(form, field, problem?.message ?? error.detail, field === 'kind' || field === 'scoredBy' ? field : field);
}
