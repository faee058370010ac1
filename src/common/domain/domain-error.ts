/**
 * Errors raised by domain code. Pure: no framework imports, so rules files
 * (every `domain/` folder and the results engine) can throw them too.
 * One exception filter maps each code to an HTTP status and a problem+json body.
 */
export type DomainErrorCode =
  | 'validation' // 400: the body alone is wrong
  | 'unauthorized' // 401
  | 'forbidden' // 403: signed in, but the role may not do this
  | 'not_found' // 404: missing or not visible to the caller
  | 'invalid_state' // 409: wrong tender/bid state, past the deadline, frozen
  | 'precondition_failed' // 412: stale If-Match
  | 'rule_violation' // 422: valid body that breaks a rule of this tender
  | 'throttled'; // 429

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    /** Extension members added to the problem body (e.g. `errors`, `gaps`, `violations`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found.`);

/** A 400 for a body that is wrong in itself: one problem per field, in plain words. */
export const invalidBody = (problems: FieldProblem[]): DomainError =>
  new DomainError(
    'validation',
    problems.length === 1
      ? problems[0].message
      : `${problems.length} fields need changing (each is named in errors). ${problems.map((p) => p.message).join(' ')}`,
    { errors: problems },
  );
