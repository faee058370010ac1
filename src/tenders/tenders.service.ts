import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { SEALED_READ_REFUSED, TenderAccess, type TenderAccessGrant } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { warningsOfTenders } from '../criteria/criteria-directory';
import { CriteriaService } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { TemplatesService } from '../templates/templates.service';
import { userById } from '../users/user-directory';
import { DEFAULT_SCALE, DEFAULT_SETTINGS, labelsForScale, toStoredSettings } from './domain/tender-settings';
import type { CreateTenderDto } from './dto/create-tender.dto';
import type { AddTeamMemberDto } from './dto/tender-actions.dto';
import { TenderResponse, type TeamFacts } from './dto/tender.response';
import type { UpdateTenderDto } from './dto/update-tender.dto';
import {
  assertDraft,
  assertNotFrozen,
  assertScoringDeadlineAfterBids,
  statusWords,
  transition,
  type TenderAction,
} from './domain/tender-lifecycle';
import { TenderTeamMember } from './tender-team-member.entity';
import { Tender } from './tender.entity';
import { SubmittedBidCounter } from './submitted-bid-counter';
import {
  ANY_TIME_KEYS,
  applySettings,
  assertClarificationBeforeBidDeadline,
  SETTING_KEYS,
  snapshot,
} from './tender-settings-writer';

@Injectable()
export class TendersService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly templates: TemplatesService,
    private readonly criteria: CriteriaService,
    private readonly bidCounter: SubmittedBidCounter,
  ) {}

  async create(caller: Caller, dto: CreateTenderDto): Promise<TenderResponse> {
    const template = dto.template ? this.templates.get(dto.template) : null;
    if (dto.template && !template) {
      throw new DomainError(
        'rule_violation',
        `There is no template "${dto.template}". Choose one of the templates listed by the service, or leave template out.`,
        {
          errors: [{ field: 'template', message: 'There is no template with this key: choose one from the list of templates.' }],
        },
      );
    }
    return this.db.transaction(async (em) => {
      await this.assertReferenceFree(em, dto.reference.trim(), null);
      const scale = template?.scale ?? DEFAULT_SCALE;
      const tender = em.getRepository(Tender).create({
        id: newId(),
        reference: dto.reference.trim(),
        title: dto.title.trim(),
        description: dto.description ?? template?.description ?? '',
        status: 'draft',
        bidDeadline: new Date(dto.bidDeadline),
        clarificationDeadline: dto.clarificationDeadline ? new Date(dto.clarificationDeadline) : null,
        templateKey: template?.key ?? null,
        ownerId: caller.id,
        scaleMin: scale.min,
        scaleMax: scale.max,
        scaleLabels: labelsForScale(scale.min, scale.max, scale.labels),
        ...toStoredSettings(template?.settings ?? DEFAULT_SETTINGS),
        closeCallMarginHundredths: 100,
        openingApprovalsGiven: null,
        scoringDeadline: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        cancellationReason: null,
        publishedAt: null,
        closedAt: null,
        moderationStartedAt: null,
        awardedBidId: null,
        awardedAt: null,
        cancelledAt: null,
      });
      applySettings(tender, dto);
      assertClarificationBeforeBidDeadline(tender);
      assertScoringDeadlineAfterBids(tender, 'scoringDeadline');
      await em.getRepository(Tender).insert(tender);
      await em.getRepository(TenderTeamMember).insert({ id: newId(), tenderId: tender.id, userId: caller.id, role: 'owner' });
      if (template) await this.criteria.copyFromTemplate(em, tender.id, template.flat);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'tender.created',
        entityType: 'tender',
        entityId: tender.id,
        tenderId: tender.id,
        after: { ...snapshot(tender), template: tender.templateKey },
      });
      return this.respond(em, caller, tender.id);
    });
  }

  async list(caller: Caller): Promise<TenderResponse[]> {
    return this.db.read(async (em) => {
      const visible = await this.access.visibleTenderIds(em, caller);
      const repo = em.getRepository(Tender);
      const tenders =
        visible === 'published'
          ? await repo.createQueryBuilder('t').where('t.publishedAt IS NOT NULL').orderBy('t.createdAt', 'DESC').getMany()
          : visible.length === 0
            ? []
            : await repo.find({ where: { id: In(visible) }, order: { createdAt: 'DESC' } });
      const counts = await this.bidCounter.submittedCounts(
        em,
        tenders.map((t) => t.id),
      );
      const relations = await this.access.relationsOf(em, caller, tenders);
      const teamTenderIds = tenders.filter((_tender, index) => relations[index].teamRole !== null).map((tender) => tender.id);
      const attempts = await this.audit.countForTenders(em, teamTenderIds, SEALED_READ_REFUSED);
      const warnings = await warningsOfTenders(em, teamTenderIds);
      return tenders.map((tender, index) =>
        TenderResponse.from(
          tender,
          counts.get(tender.id) ?? 0,
          warnings.get(tender.id) ?? [],
          relations[index],
          this.teamFacts(relations[index].teamRole !== null, attempts, tender.id),
        ),
      );
    });
  }

  get(caller: Caller, tenderId: string): Promise<TenderResponse> {
    return this.db.read((em) => this.respond(em, caller, tenderId));
  }

  async update(caller: Caller, tenderId: string, dto: UpdateTenderDto): Promise<TenderResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      assertNotFrozen(tender.status);
      const before = snapshot(tender);
      const settingsGiven = SETTING_KEYS.filter((key) => dto[key] !== undefined);
      if (settingsGiven.length > 0 || dto.reference !== undefined) {
        assertDraft(
          tender.status,
          `Scoring settings (${[...settingsGiven, ...(dto.reference !== undefined ? ['reference'] : [])].join(', ')})`,
        );
      }
      const given = Object.entries(dto)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      const onlyContact = given.every((key) => (ANY_TIME_KEYS as readonly string[]).includes(key));
      if (!onlyContact && tender.status !== 'draft' && tender.status !== 'published') {
        throw new DomainError(
          'invalid_state',
          `The tender is ${statusWords(tender.status)}: its title, description and deadline are fixed.`,
        );
      }
      if (dto.bidDeadline !== undefined) {
        const deadline = new Date(dto.bidDeadline);
        if (tender.status === 'published') {
          if (this.clock.now() >= tender.bidDeadline) {
            throw new DomainError('invalid_state', 'The bid deadline has passed; it can no longer be extended.');
          }
          if (deadline <= tender.bidDeadline) {
            throw new DomainError(
              'rule_violation',
              "A published tender's deadline can only be extended, never brought forward.",
              {
                errors: [
                  {
                    field: 'bidDeadline',
                    message: `The new deadline must be later than the current one, ${tender.bidDeadline.toISOString()}.`,
                  },
                ],
              },
            );
          }
        }
        tender.bidDeadline = deadline;
      }
      if (dto.clarificationDeadline !== undefined) {
        const deadline = new Date(dto.clarificationDeadline);
        if (tender.status === 'published') {
          // Once bidders rely on a clarification deadline it only moves later; a first one may be
          // set at any future time before the bids are due.
          const current = tender.clarificationDeadline;
          if (this.clock.now() >= (current ?? tender.bidDeadline)) {
            throw new DomainError('invalid_state', 'The clarification deadline has passed; it can no longer be moved.');
          }
          if (current !== null ? deadline <= current : deadline <= this.clock.now()) {
            const after = current !== null ? `later than the current one, ${current.toISOString()}` : 'in the future';
            throw new DomainError('rule_violation', `A published tender's clarification deadline must be ${after}.`, {
              errors: [{ field: 'clarificationDeadline', message: `Set a clarification deadline ${after}.` }],
            });
          }
        }
        tender.clarificationDeadline = deadline;
      }
      assertClarificationBeforeBidDeadline(tender);
      if (dto.reference !== undefined) {
        await this.assertReferenceFree(em, dto.reference.trim(), tender.id);
        tender.reference = dto.reference.trim();
      }
      if (dto.title !== undefined) tender.title = dto.title.trim();
      if (dto.description !== undefined) tender.description = dto.description;
      applySettings(tender, dto);
      if (dto.scoringDeadline !== undefined || dto.bidDeadline !== undefined) {
        assertScoringDeadlineAfterBids(tender, dto.scoringDeadline !== undefined ? 'scoringDeadline' : 'bidDeadline');
      }
      await em.getRepository(Tender).save(tender);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'tender.updated',
        entityType: 'tender',
        entityId: tender.id,
        tenderId: tender.id,
        before,
        after: snapshot(tender),
      });
      return this.respond(em, caller, tender.id);
    });
  }

  async addTeamMember(
    caller: Caller,
    tenderId: string,
    dto: AddTeamMemberDto,
  ): Promise<{ id: string; userId: string; role: string; name: string; email: string }> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'owner');
      assertNotFrozen(tender.status);
      const user = await userById(em, dto.userId);
      if (!user || !user.active) {
        throw new DomainError('rule_violation', 'No active account has that id.', {
          errors: [{ field: 'userId', message: 'No active account has this id: check it.' }],
        });
      }
      if (user.role !== dto.role) {
        throw new DomainError(
          'rule_violation',
          `That account is a ${user.role} account; only ${dto.role} accounts can join the team as ${dto.role}.`,
          {
            errors: [
              {
                field: 'role',
                message: `This account is a ${user.role} account: give role ${user.role}, or choose another account.`,
              },
            ],
          },
        );
      }
      if (await em.getRepository(TenderTeamMember).exist({ where: { tenderId, userId: user.id } })) {
        throw new DomainError('invalid_state', `${user.name} is already on the team.`);
      }
      const member = { id: newId(), tenderId, userId: user.id, role: dto.role };
      await em.getRepository(TenderTeamMember).insert(member);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'tender.team_member_added',
        entityType: 'tender_team_member',
        entityId: member.id,
        tenderId: tender.id,
        after: { userId: user.id, name: user.name, role: dto.role },
      });
      return { id: member.id, userId: user.id, role: dto.role, name: user.name, email: user.email };
    });
  }

  async listTeam(
    caller: Caller,
    tenderId: string,
  ): Promise<{ id: string; userId: string; role: string; name: string; email: string }[]> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const members = await em
        .getRepository(TenderTeamMember)
        .find({ where: { tenderId }, relations: { user: true }, order: { addedAt: 'ASC' } });
      return members.map((m) => ({ id: m.id, userId: m.userId, role: m.role, name: m.user!.name, email: m.user!.email }));
    });
  }

  async publish(caller: Caller, tenderId: string): Promise<TenderResponse> {
    return this.changeStatus(caller, tenderId, 'publish', async (em, tender) => {
      if (tender.bidDeadline <= this.clock.now()) {
        throw new DomainError('rule_violation', 'The bid deadline is in the past: set a later bidDeadline before publishing.', {
          errors: [{ field: 'bidDeadline', message: 'The bid deadline is in the past: set a later one.' }],
        });
      }
      await this.criteria.assertPublishable(em, tender);
      tender.publishedAt = this.clock.now();
    });
  }

  async cancel(caller: Caller, tenderId: string, reason: string): Promise<TenderResponse> {
    return this.changeStatus(caller, tenderId, 'cancel', (_em, tender) => {
      tender.cancellationReason = reason.trim();
      tender.cancelledAt = this.clock.now();
      return Promise.resolve();
    });
  }

  /**
   * One lifecycle step: access check, allowed transition, the step's own rules, save,
   * audit — in one transaction. Later features (close, moderation, award) use it too.
   */
  async changeStatus(
    caller: Caller,
    tenderId: string,
    action: TenderAction,
    rules: (em: EntityManager, tender: Tender, grant: TenderAccessGrant) => Promise<void | Record<string, unknown>>,
  ): Promise<TenderResponse> {
    return this.db.transaction(async (em) => {
      const grant = await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      const { tender } = grant;
      const before = snapshot(tender);
      const to = transition(tender.status, action);
      const extra = await rules(em, tender, grant);
      tender.status = to;
      await em.getRepository(Tender).save(tender);
      await this.audit.record(em, {
        actorId: caller.id,
        action: `tender.${action}`,
        entityType: 'tender',
        entityId: tender.id,
        tenderId: tender.id,
        before: { status: before.status },
        after: {
          status: to,
          ...(tender.cancellationReason && action === 'cancel' ? { reason: tender.cancellationReason } : {}),
          ...(extra ?? {}),
        },
      });
      return this.respond(em, caller, tender.id);
    });
  }

  private async respond(em: EntityManager, caller: Caller, tenderId: string): Promise<TenderResponse> {
    const { tender, relation } = await this.access.require(em, caller, tenderId, 'view');
    const counts = await this.bidCounter.submittedCounts(em, [tender.id]);
    const onTeam = relation.teamRole !== null;
    const attempts = onTeam ? await this.audit.countForTenders(em, [tender.id], SEALED_READ_REFUSED) : new Map<string, number>();
    const warnings = onTeam ? ((await warningsOfTenders(em, [tender.id])).get(tender.id) ?? []) : [];
    return TenderResponse.from(
      tender,
      counts.get(tender.id) ?? 0,
      warnings,
      relation,
      this.teamFacts(onTeam, attempts, tender.id),
    );
  }

  private teamFacts(onTeam: boolean, sealedReadAttempts: Map<string, number>, tenderId: string): TeamFacts | undefined {
    return onTeam ? { sealedReadAttempts: sealedReadAttempts.get(tenderId) ?? 0 } : undefined;
  }

  /**
   * A reference names one live tender of the service: none other that is not cancelled may
   * carry it, whatever the case ("PAT-1" and "pat-1" are the same reference). Checked under a
   * lock on the reference, so two requests at once cannot both take it. The answer names no
   * other tender: the caller may not be allowed to see it.
   */
  private async assertReferenceFree(em: EntityManager, reference: string, exceptTenderId: string | null): Promise<void> {
    await this.db.lockName(em, `tender-reference:${reference.toUpperCase()}`);
    const query = em
      .getRepository(Tender)
      .createQueryBuilder('t')
      .where('UPPER(t.reference) = UPPER(:reference)', { reference })
      .andWhere('t.status <> :cancelled', { cancelled: 'cancelled' });
    if (exceptTenderId) query.andWhere('t.id <> :id', { id: exceptTenderId });
    if (await query.getExists()) {
      throw new DomainError(
        'invalid_state',
        `Another tender already has the reference ${reference}. Choose a different reference.`,
        {
          errors: [
            {
              field: 'reference',
              message: 'Another tender that is not cancelled already has this reference: choose a different one.',
            },
          ],
        },
      );
    }
  }
}
