import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, Inject } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import type { CreateUserDto } from './dto/create-user.dto';
import { Organisation } from './organisation.entity';
import { ignoredAdminEmailNotice } from './ignored-admin-email';
import { hashPassword } from './password';
import { User } from './user.entity';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password printed once. */
  async onApplicationBootstrap(): Promise<void> {
    // Two instances starting together on an empty PostgreSQL database: the second waits on
    // the lock until the first has committed, then counts the admin and goes on. (Counting
    // before the other commits and checking the email after it would otherwise race.)
    const created = await retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        await this.db.lockName(em, 'first-admin');
        if ((await em.getRepository(User).count()) > 0) return null;
        const email = this.config.adminEmail ?? 'admin@localhost';
        const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
        await this.createInTransaction(em, null, { email, name: 'Administrator', role: 'admin', password });
        return { email, password, generated: !this.config.adminPassword };
      }),
    );
    if (created?.generated) {
      // Printed once, on the first start only; change it by creating another admin.
      this.logger.warn(`First admin created: ${created.email} / ${created.password}  (shown once; keep it safe)`);
    } else if (created) {
      this.logger.log(`First admin created from ADMIN_EMAIL: ${created.email}`);
    } else if (this.config.adminEmail && !(await this.findByEmail(this.config.adminEmail))) {
      const admins = await this.db.read((em) =>
        em.getRepository(User).find({ where: { role: 'admin', active: true }, order: { createdAt: 'ASC' }, take: 3 }),
      );
      const notice = ignoredAdminEmailNotice(
        this.config.adminEmail,
        admins.map((admin) => admin.email),
        this.config.database,
      );
      this.logger.warn(notice);
    }
  }

  create(actor: Caller | null, dto: CreateUserDto): Promise<User> {
    return this.db.transaction((em) => this.createInTransaction(em, actor?.id ?? null, dto));
  }

  /** Also used by registration and by the panel (lay panelists without a password). */
  async createInTransaction(em: EntityManager, actorId: string | null, dto: CreateUserDto): Promise<User> {
    const email = dto.email.trim().toLowerCase();
    const users = em.getRepository(User);
    if (await users.exist({ where: { email } })) {
      throw new DomainError('invalid_state', 'An account with this email address already exists.', {
        errors: [
          { field: 'email', message: 'An account with this email address already exists: sign in, or use another address.' },
        ],
      });
    }
    if (dto.role === 'bidder' && !(dto.organisationName && dto.organisationType)) {
      throw new DomainError(
        'rule_violation',
        'A bidder account belongs to an organisation: give organisationName and organisationType.',
        {
          errors: [
            ...(dto.organisationName
              ? []
              : [{ field: 'organisationName', message: 'A bidder account needs the name of its organisation.' }]),
            ...(dto.organisationType
              ? []
              : [{ field: 'organisationType', message: 'A bidder account needs the type of its organisation.' }]),
          ],
        },
      );
    }
    if (dto.role !== 'panelist' && !dto.password) {
      throw new DomainError('validation', 'Only panelists may be created without a password.', {
        errors: [{ field: 'password', message: `A ${dto.role} account needs a password of at least 12 characters.` }],
      });
    }
    let organisation: Organisation | null = null;
    if (dto.organisationName && dto.organisationType) {
      organisation = em
        .getRepository(Organisation)
        .create({ id: newId(), name: dto.organisationName.trim(), type: dto.organisationType });
      await em.getRepository(Organisation).insert(organisation);
    }
    const user = users.create({
      id: newId(),
      email,
      name: dto.name.trim(),
      role: dto.role,
      passwordHash: dto.password ? await hashPassword(dto.password) : null,
      organisationId: organisation?.id ?? null,
      active: true,
    });
    await users.insert(user);
    const saved = await users.findOneOrFail({ where: { id: user.id }, relations: { organisation: true } });
    await this.audit.record(em, {
      actorId: actorId ?? saved.id,
      action: 'user.created',
      entityType: 'user',
      entityId: saved.id,
      after: {
        email: saved.email,
        name: saved.name,
        role: saved.role,
        organisation: organisation ? { name: organisation.name, type: organisation.type } : null,
      },
    });
    return saved;
  }

  findById(id: string): Promise<User | null> {
    return this.db.read((em) => em.getRepository(User).findOne({ where: { id }, relations: { organisation: true } }));
  }

  /** The guard's per-request lookup: one query, no relations. */
  findActiveById(id: string): Promise<User | null> {
    return this.db.read((em) => em.getRepository(User).findOne({ where: { id, active: true } }));
  }

  findByEmail(email: string): Promise<User | null> {
    return this.db.read((em) =>
      em.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() }, relations: { organisation: true } }),
    );
  }
}
