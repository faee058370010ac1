import { Injectable } from '@nestjs/common';
import { EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller, Role } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { assertAccountChangeAllowed, assertRoleChangeAllowed } from './domain/account-rules';
import { User } from './user.entity';

export interface UserFilter {
  role?: Role;
  active?: boolean;
}

/**
 * What admins do to existing accounts: list them, deactivate and reactivate them, change
 * their role. A deactivated account stops at once everywhere: the bearer-token guard
 * re-reads the account on every request and lets only active ones through, and so must any
 * other way of signing in (sign-in, invitation and reset links all check `active`).
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  list(filter: UserFilter): Promise<User[]> {
    const where: FindOptionsWhere<User> = {};
    if (filter.role !== undefined) where.role = filter.role;
    if (filter.active !== undefined) where.active = filter.active;
    return this.db.read((em) =>
      em.getRepository(User).find({ where, relations: { organisation: true }, order: { createdAt: 'ASC', email: 'ASC' } }),
    );
  }

  async get(userId: string): Promise<User> {
    const user = await this.db.read((em) =>
      em.getRepository(User).findOne({ where: { id: userId }, relations: { organisation: true } }),
    );
    if (!user) throw new DomainError('not_found', 'This account was not found. Check the id.');
    return user;
  }

  setActive(caller: Caller, userId: string, active: boolean): Promise<User> {
    return this.change(caller, userId, (user) => ({ role: user.role, active }));
  }

  changeRole(caller: Caller, userId: string, role: Role): Promise<User> {
    return this.change(caller, userId, (user) => {
      assertRoleChangeAllowed(user.role, role);
      return { role, active: user.active };
    });
  }

  /**
   * One template for every change: lock, check, save, audit. On PostgreSQL the active admins'
   * rows are locked FOR UPDATE (in id order) before anything is read, so two admins demoting
   * or deactivating each other at once are serialised, and the second decides on what the
   * first committed (its locked read re-checks `role` and `active`). SQLite's queue already
   * runs them one after the other.
   */
  private change(caller: Caller, userId: string, decide: (user: User) => { role: Role; active: boolean }): Promise<User> {
    return this.db.transaction(async (em) => {
      const activeAdminIds = await this.lockActiveAdmins(em);
      if (!activeAdminIds.includes(caller.id)) {
        throw new DomainError('forbidden', 'Your account is no longer an active admin, so you cannot change accounts.');
      }
      const users = em.getRepository(User);
      const user = await users.findOne({ where: { id: userId }, relations: { organisation: true } });
      if (!user) throw new DomainError('not_found', 'This account was not found. Check the id.');
      const next = decide(user);
      assertAccountChangeAllowed({ actorId: caller.id, target: user, next, activeAdminIds });
      if (next.role === user.role && next.active === user.active) return user;
      await users.update({ id: user.id }, next);
      await this.audit.record(em, {
        actorId: caller.id,
        action: next.active !== user.active ? (next.active ? 'user.reactivated' : 'user.deactivated') : 'user.role_changed',
        entityType: 'user',
        entityId: user.id,
        before: { role: user.role, active: user.active },
        after: next,
      });
      return Object.assign(user, next);
    });
  }

  private async lockActiveAdmins(em: EntityManager): Promise<string[]> {
    const query = em
      .getRepository(User)
      .createQueryBuilder('user')
      .select(['user.id'])
      .where('user.role = :role AND user.active = :active', { role: 'admin', active: true })
      .orderBy('user.id');
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    return (await query.getMany()).map((user) => user.id);
  }
}
