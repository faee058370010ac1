import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/domain/canonical-json';
import { DomainError } from '../../common/domain/domain-error';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a key's first answer is kept and replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

/** 1 to 255 printable ASCII characters (a UUID is typical); anything else is a 400 naming the header. */
export function assertValidKey(key: string): void {
  if (!KEY_FORMAT.test(key)) {
    const message = 'Send 1 to 255 printable characters (letters, digits, punctuation), for example a UUID.';
    throw new DomainError('validation', `The ${IDEMPOTENCY_HEADER} header is not valid. ${message}`, {
      errors: [{ field: IDEMPOTENCY_HEADER, message }],
    });
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function scopeHashOf(callerId: string | null, method: string, path: string, key: string): string {
  return sha256(JSON.stringify([callerId ?? '', method, path, key]));
}

/** The same JSON in any key order hashes the same. */
export function requestHashOf(body: unknown): string {
  return sha256(canonicalJson(body ?? null));
}

export function isExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= IDEMPOTENCY_TTL_MS;
}

export const keyReusedError = (): DomainError =>
  new DomainError(
    'rule_violation',
    `This ${IDEMPOTENCY_HEADER} was already used for a different request. Send a new key with a new request.`,
    { errors: [{ field: IDEMPOTENCY_HEADER, message: 'Already used with a different body: send a new key.' }] },
  );
