/*
 * Independent scoring (SCORING.md §1, §3, §8): what a panelist may score, when, and with
 * which values. Pure: the scoring service loads rows and calls these.
 */
import type { CriterionKind, PanelGroup } from '../../criteria/domain';
import { DomainError } from '../../common/domain/domain-error';
import { statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';

export const SCORE_STATUSES = ['draft', 'submitted'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/** What decides whether scoring is open: the tender's status and its scoring deadline, if any. */
export interface ScoringWindow {
  status: TenderStatus;
  scoringDeadline: Date | null;
}

/** The tender's scoring deadline has passed (a tender without one has no deadline). */
export function scoringDeadlinePassed(window: ScoringWindow, now: Date): boolean {
  return window.scoringDeadline !== null && now.getTime() >= window.scoringDeadline.getTime();
}

/** Scores can be saved and submitted now: in evaluation, before the scoring deadline. */
export function scoringIsOpen(window: ScoringWindow, now: Date): boolean {
  return window.status === 'evaluation' && !scoringDeadlinePassed(window, now);
}

/**
 * Individual scores are saved and submitted only while the tender is in evaluation, and
 * never after its scoring deadline (409, saying so; `scoringDeadline` in the extensions).
 */
export function assertScoringOpen(window: ScoringWindow, now: Date): void {
  const { status } = window;
  if (status === 'evaluation' && scoringDeadlinePassed(window, now)) {
    throw new DomainError(
      'invalid_state',
      'The scoring deadline has passed, so scores can no longer be saved or submitted. Ask the tender team if you need more time.',
      { scoringDeadline: window.scoringDeadline!.toISOString() },
    );
  }
  if (status !== 'evaluation') {
    throw new DomainError(
      'invalid_state',
      status === 'draft' || status === 'published'
        ? 'Scoring opens when the tender closes and moves to evaluation.'
        : `Scoring is closed: the tender is ${statusWords(status)}. Submitted scores stay on the record.`,
      { currentStatus: status },
    );
  }
}

export interface ScorableCriterion {
  id: string;
  code: string;
  kind: CriterionKind;
  scoredBy: PanelGroup[];
}

const GROUP_WORDS: Record<PanelGroup, string> = {
  lived_experience: 'lived-experience',
  professional: 'professional',
};

/** The panel scores `scored` leaves only, and only the groups the leaf names (`scoredBy`). */
export function assertScorableBy(criterion: ScorableCriterion, group: PanelGroup): void {
  if (criterion.kind !== 'scored') {
    const why =
      criterion.kind === 'price'
        ? 'the price criterion is computed from the bid price'
        : criterion.kind === 'pass_fail'
          ? 'pass/fail gates are recorded by the tender team'
          : 'sections are not scored; their criteria are';
    throw new DomainError('rule_violation', `${criterion.code} is not scored by the panel: ${why}.`, {
      errors: [{ field: 'criterion', message: `${criterion.code} is not scored by the panel: choose a scored criterion.` }],
    });
  }
  if (!criterion.scoredBy.includes(group)) {
    throw new DomainError(
      'rule_violation',
      `${criterion.code} is scored by the ${criterion.scoredBy.map((g) => GROUP_WORDS[g]).join(' and ')} members, not by ${GROUP_WORDS[group]} members.`,
      {
        errors: [
          {
            field: 'criterion',
            message: `${criterion.code} is not scored by ${GROUP_WORDS[group]} members: choose one of your criteria.`,
          },
        ],
      },
    );
  }
}

/** An integer on the tender's scale (SCORING.md §1); 422 otherwise (the shape check is the DTO's). */
export function assertOnScale(score: number, scale: { min: number; max: number }, field = 'score'): void {
  if (!Number.isInteger(score) || score < scale.min || score > scale.max) {
    throw new DomainError(
      'rule_violation',
      `A score is a whole number from ${scale.min} to ${scale.max}; ${score} is not on this tender's scale.`,
      {
        errors: [{ field, message: `The score must be a whole number from ${scale.min} to ${scale.max}.` }],
      },
    );
  }
}

/** Every score needs a written rationale: trimmed, non-empty (400 when blank). */
export function normaliseRationale(rationale: string, field = 'rationale'): string {
  const trimmed = rationale.trim();
  if (!trimmed) {
    throw new DomainError('validation', 'Every score needs a written rationale.', {
      errors: [{ field, message: 'The rationale is blank: write why you gave this score.' }],
    });
  }
  return trimmed;
}

/** A submitted score is never edited or deleted (SCORING.md §8). */
export function assertDraft(existing: { status: ScoreStatus } | null, code: string): void {
  if (existing?.status === 'submitted') {
    throw new DomainError('invalid_state', `Your score for ${code} on this bid is submitted and can no longer be changed.`);
  }
}

/** Scored leaves a group scores, in the order given (tree order). */
export function criteriaForGroup<T extends ScorableCriterion>(leaves: readonly T[], group: PanelGroup): T[] {
  return leaves.filter((criterion) => criterion.kind === 'scored' && criterion.scoredBy.includes(group));
}

export interface SubmitPlan {
  /** Criterion ids whose draft becomes submitted. */
  toSubmit: string[];
}

/**
 * Submitting a bid locks every score the panelist gave it. All criteria their group
 * scores must have a score first: 422 naming each missing one. Submitting again when
 * everything is already locked is a 409 (nothing to do, and nothing may change).
 */
export function planSubmission(
  criteria: readonly ScorableCriterion[],
  scores: ReadonlyMap<string, { status: ScoreStatus }>,
): SubmitPlan {
  const missing = criteria.filter((criterion) => !scores.has(criterion.id));
  if (missing.length > 0) {
    throw new DomainError(
      'rule_violation',
      `Score every criterion before submitting: missing ${missing.map((c) => c.code).join(', ')}.`,
      {
        errors: missing.map((criterion) => ({
          field: `scores.${criterion.code}`,
          message: `${criterion.code} has no score yet: score it, then submit.`,
        })),
        missing: missing.map((criterion) => criterion.code),
      },
    );
  }
  const toSubmit = criteria.filter((criterion) => scores.get(criterion.id)!.status === 'draft').map((criterion) => criterion.id);
  if (toSubmit.length === 0) {
    throw new DomainError('invalid_state', 'Your scores for this bid are already submitted.');
  }
  return { toSubmit };
}

export type ItemStatus = 'not_started' | ScoreStatus;

export function itemStatus(score: { status: ScoreStatus } | undefined): ItemStatus {
  return score ? score.status : 'not_started';
}
