import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../openapi/problem-details';
import { IDEMPOTENCY_HEADER } from './domain/idempotency-rules';

export const IDEMPOTENT_KEY = 'idempotency:enabled';

/**
 * A creating POST that accepts an `Idempotency-Key` header: a retry with the same key and body
 * returns the first answer without doing the work again (IdempotencyInterceptor).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    ApiProblems({ 422: 'The Idempotency-Key was already used with a different body, or the body breaks a rule of this route.' }),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      example: '6f1c2d3e-8a9b-4c5d-9e0f-a1b2c3d4e5f6',
      description:
        'Optional; 1 to 255 printable characters, unique per request you mean (a UUID). A retry with the same key and the same body ' +
        'within 24 hours returns the first answer (with Idempotent-Replayed: true) and creates nothing; the same key with another ' +
        'body answers 422. Keys belong to the caller and the route.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );
}
