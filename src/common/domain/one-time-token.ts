import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time tokens for links (panel invitations, password resets): 256 random bits,
 * base64url (43 characters, safe in a URL). Only the SHA-256 hash is stored, so a copy of
 * the database (or the audit trail, which never sees the token at all) cannot be turned
 * into a sign-in. A fast hash is enough: the token is random, not a password, so there is
 * nothing to guess from its hash.
 */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
