import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { PasswordReset } from './password-reset.entity';

/*
 * The users feature's queries of password reset links, for the sign-in feature that issues
 * and redeems them: each function takes the unit of work's `em`.
 */

/** Revokes the account's open links (not used, not revoked); how many there were. */
export async function revokeOpenResets(em: EntityManager, userId: string, now: Date): Promise<number> {
  const result = await em
    .getRepository(PasswordReset)
    .update({ userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
  return result.affected ?? 0;
}

export async function insertReset(em: EntityManager, reset: PasswordReset): Promise<void> {
  await em.getRepository(PasswordReset).insert(reset);
}

/** The link with this token hash, or null. */
export function resetByTokenHash(em: EntityManager, tokenHash: string): Promise<PasswordReset | null> {
  return em.getRepository(PasswordReset).findOne({ where: { tokenHash } });
}

/**
 * Marks the link used when it is still open and unexpired: a conditional UPDATE, so a link
 * works at most once even when two requests race. True when this call used it.
 */
export async function useReset(em: EntityManager, resetId: string, now: Date): Promise<boolean> {
  const result = await em
    .getRepository(PasswordReset)
    .update({ id: resetId, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
  return result.affected === 1;
}
