import { EntityManager, In } from 'typeorm';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/*
 * The users feature's queries of accounts and organisations, for every feature that reads
 * them (tenders, panel, bids, results): each function takes the unit of work's `em`.
 */

/** One account by id (with its organisation, when asked), or null. */
export function userById(em: EntityManager, id: string, options: { organisation?: boolean } = {}): Promise<User | null> {
  return em
    .getRepository(User)
    .findOne(options.organisation ? { where: { id }, relations: { organisation: true } } : { where: { id } });
}

/** One account by its (stored, normalised) email address, or null. */
export function userByEmail(em: EntityManager, email: string): Promise<User | null> {
  return em.getRepository(User).findOne({ where: { email } });
}

/** Account id → name, for some accounts: one statement (none for no ids). */
export async function userNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await em.getRepository(User).find({ where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Organisation id → name, for some organisations: one statement (none for no ids). */
export async function organisationNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const organisations = await em
    .getRepository(Organisation)
    .find({ where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
}

/**
 * Account id → its name and its organisation's name ('' for an account with none), for
 * some accounts: two statements (none for no ids).
 */
export async function namesWithOrganisation(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, { name: string; organisationName: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await em
    .getRepository(User)
    .find({ where: { id: In(unique) }, select: { id: true, name: true, organisationId: true } });
  const organisationName = await organisationNames(
    em,
    users.map((user) => user.organisationId).filter((id): id is string => id !== null),
  );
  return new Map(
    users.map((user) => [
      user.id,
      { name: user.name, organisationName: (user.organisationId && organisationName.get(user.organisationId)) || '' },
    ]),
  );
}

/** An organisation's type (the default for its bids), or null when there is no such organisation. */
export async function organisationTypeOf(em: EntityManager, organisationId: string): Promise<Organisation['type'] | null> {
  const organisation = await em
    .getRepository(Organisation)
    .findOne({ where: { id: organisationId }, select: { id: true, type: true } });
  return organisation?.type ?? null;
}

/** One account that must exist (a row another table points at). */
export function userOrFail(em: EntityManager, id: string): Promise<User> {
  return em.getRepository(User).findOneOrFail({ where: { id } });
}

/** Stores an account's new password hash. */
export async function setPasswordHash(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
  await em.getRepository(User).update({ id: userId }, { passwordHash });
}
