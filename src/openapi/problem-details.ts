import { applyDecorators } from '@nestjs/common';
import { BODY_LIMIT_MB } from '../common/body-shape';
import { PROBLEM_TITLE, TYPE_BASE } from '../common/problem-details.filter';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldProblemDoc {
  @ApiProperty({
    example: 'bidDeadline',
    description: 'The field at fault: a property path such as `scale.max`, `body`, or a header name.',
  })
  field: string;

  @ApiProperty({ example: 'bidDeadline must be a date and time such as 2027-03-01T12:00:00Z.' })
  message: string;
}

/**
 * Every error body (RFC 9457 problem+json): `type`, `title`, `status`, `detail`, plus the
 * extension members a route adds. The filter (src/common/problem-details.filter.ts) is the
 * one writer; this class only describes it.
 */
export class ProblemDetails {
  @ApiProperty({
    example: 'https://tender-scorer.org/problems/validation',
    description: 'A URI naming the kind of problem, or `about:blank`.',
  })
  type: string;

  @ApiProperty({ example: 'Bad request', description: 'The HTTP status in words.' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiProperty({
    example: 'bidDeadline must be a date and time such as 2027-03-01T12:00:00Z.',
    description: 'What is wrong and what to do, in a plain sentence.',
  })
  detail: string;

  @ApiPropertyOptional({
    type: [FieldProblemDoc],
    description: 'One entry per field at fault (400 and 422 where a field is to blame).',
  })
  errors?: FieldProblemDoc[];

  @ApiPropertyOptional({ type: 'integer', example: 900, description: '429: seconds to wait (also in the Retry-After header).' })
  retryAfter?: number;

  @ApiPropertyOptional({ example: 'draft', description: '409: the state the tender, bid or moderation is in now.' })
  currentStatus?: string;

  @ApiPropertyOptional({ type: 'integer', example: 3, description: '412: the version If-Match should name now.' })
  currentVersion?: number;
}

/**
 * Per status: what it means on this service (the description every error response starts
 * from), the problem `type` the filter writes (null: about:blank) and an example detail.
 */
const PROBLEMS = {
  400: [
    'The request is malformed: a body, path, query or header that is not valid in itself (each field at fault is in `errors`).',
    'validation',
    'title must be at most 200 characters.',
  ],
  401: [
    'Not signed in, or the token is invalid or expired: sign in again.',
    'unauthorized',
    'Sign in first: send Authorization: Bearer <accessToken>.',
  ],
  403: [
    'Signed in, but this role may not do this.',
    'forbidden',
    'This action is for commissioner accounts; you are signed in as bidder.',
  ],
  404: ['Not found, or not visible to this caller.', 'not-found', 'Tender was not found.'],
  409: [
    'Not in this state: the tender, bid or panel is not at the stage this action needs.',
    'invalid-state',
    'A draft tender cannot be closed (only from: published).',
  ],
  412: [
    'If-Match names a version that is no longer the latest.',
    'precondition-failed',
    'Someone else has moderated this score since you read it.',
  ],
  413: ['The request body is too large.', null, `The request body is too large: send at most ${BODY_LIMIT_MB} MB.`],
  422: [
    'The body is well formed but breaks a rule of this tender.',
    'rule-violation',
    'The weights of the criteria do not add up.',
  ],
  429: ['Too many attempts: wait for Retry-After seconds.', 'throttled', 'Too many failed attempts. Try again in 15 minutes.'],
} as const satisfies Record<number, readonly [string, string | null, string]>;
export type ProblemStatus = keyof typeof PROBLEMS;

export const problemMeaning = (status: ProblemStatus): string => PROBLEMS[status][0];

/** A whole problem+json body, for the examples. */
export function problemExample(status: number): Record<string, unknown> {
  const known = (PROBLEMS as Partial<Record<number, readonly [string, string | null, string]>>)[status];
  const [, code, detail] = known ?? ['', null, 'Something went wrong on our side. It has been logged.'];
  const example: Record<string, unknown> = {
    type: code ? TYPE_BASE + code : 'about:blank',
    title: PROBLEM_TITLE[status] ?? 'Error',
    status,
    detail,
  };
  if (status === 400) example.errors = [{ field: 'title', message: detail }];
  if (status === 429) example.retryAfter = 900;
  return example;
}

/** One error response: problem+json with the one schema, a whole-body example and a description. */
export function ApiProblem(status: ProblemStatus, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ApiResponse({
      status,
      description: description ?? problemMeaning(status),
      content: {
        'application/problem+json': {
          schema: { $ref: getSchemaPath(ProblemDetails) },
          example: problemExample(status),
        },
      },
    }),
  );
}

/**
 * The error statuses a route answers beyond the ones the document adds by shape (400 for a
 * body or query, 401 when signed in, 404 for a path id: see openapi-document.ts), each with its
 * meaning: `@ApiProblems(409, 422)`, or `@ApiProblems({ 409: 'Only while draft.' })` to say
 * what the status means on this route.
 */
export function ApiProblems(
  ...statuses: (ProblemStatus | Partial<Record<ProblemStatus, string>>)[]
): MethodDecorator & ClassDecorator {
  const described: [ProblemStatus, string | undefined][] = statuses.flatMap((entry): [ProblemStatus, string | undefined][] =>
    typeof entry === 'number'
      ? [[entry, undefined]]
      : Object.entries(entry).map(([status, text]) => [Number(status) as ProblemStatus, text]),
  );
  return applyDecorators(...described.map(([status, text]) => ApiProblem(status, text)));
}
