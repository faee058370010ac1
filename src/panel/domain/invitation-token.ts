import { createHmac, randomInt } from 'node:crypto';

/** Invitation links use the service's one-time tokens (see src/common/one-time-token.ts). */
export {
  hashOneTimeToken as hashInvitationToken,
  newOneTimeToken as newInvitationToken,
} from '../../common/domain/one-time-token';

/**
 * The short code issued with each token, for a person who types rather than clicks (read
 * out on the phone, copied from a letter). No look-alikes: no 0/O, 1/I/L. Ten characters
 * from 31 are about 49.5 bits: far beyond guessing through the redemption throttle (5
 * failures per address per 15 minutes) within the 14 days a code lives.
 */
export const INVITATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 10;

/**
 * A new code, shown grouped for reading ("KT4M-9XPR-Q7"), and its keyed hash. 49 bits could
 * be searched offline against a plain hash from a copy of the database, so the stored hash
 * is an HMAC under a key derived from the server secret, which the database does not hold.
 */
export function newInvitationCode(secret: string): { code: string; codeHash: string } {
  let plain = '';
  for (let index = 0; index < INVITATION_CODE_LENGTH; index++)
    plain += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return { code: groupInvitationCode(plain), codeHash: hashInvitationCode(plain, secret) };
}

/** "KT4M9XPRQ7" → "KT4M-9XPR-Q7". */
export function groupInvitationCode(plain: string): string {
  return plain.match(/.{1,4}/g)!.join('-');
}

/**
 * The code as typed, in canonical form: case ignored, separators and spaces ignored. Null
 * when it cannot be a code (wrong length, a character the alphabet lacks).
 */
export function normaliseInvitationCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s\-–—_.·/]+/g, '');
  if (plain.length !== INVITATION_CODE_LENGTH) return null;
  return [...plain].every((character) => INVITATION_CODE_ALPHABET.includes(character)) ? plain : null;
}

/** HMAC-SHA256 of the canonical code, keyed by a key derived from `secret` (hex). */
export function hashInvitationCode(plain: string, secret: string): string {
  const key = createHmac('sha256', secret).update('tender-scorer:invitation-code').digest();
  return createHmac('sha256', key).update(plain, 'utf8').digest('hex');
}
