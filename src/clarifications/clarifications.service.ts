import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess, type TenderAccessGrant } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { statusWords } from '../tenders/domain/tender-lifecycle';
import type { Tender } from '../tenders/tender.entity';
import { namesWithOrganisation } from '../users/user-directory';
import { clarificationLogOf } from './clarification-directory';
import { Clarification } from './clarification.entity';
import { ClarificationHooks } from './clarification-hooks';
import { askedByViewer, mayView, questionsCloseAt, stepProblem, type ClarificationViewer } from './clarification-rules';
import type { AnswerQuestionDto, AskQuestionDto, IssueClarificationDto } from './dto/clarification.dto';
import type { ClarificationResponse } from './dto/clarification.response';

const notFound = (): DomainError => new DomainError('not_found', 'Clarification not found.');

/**
 * Clarification questions: bidders ask until the clarification deadline, the team answers
 * (published to every bidder with the question anonymised, or privately to the asker when
 * it reveals their commercial detail) and issues clarifications of its own. Each step and
 * its audit row commit together.
 */
@Injectable()
export class ClarificationsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hooks: ClarificationHooks,
  ) {}

  async ask(caller: Caller, tenderId: string, dto: AskQuestionDto): Promise<ClarificationResponse> {
    return this.db.transaction(async (em) => {
      const grant = await this.access.require(em, caller, tenderId, 'view');
      const viewer = this.viewerOf(caller, grant);
      if (viewer.as !== 'bidder')
        throw new DomainError('forbidden', 'Only bidders ask clarification questions; the team publishes clarifications.');
      const { tender } = grant;
      if (tender.status !== 'published') {
        throw new DomainError('invalid_state', `Questions are no longer taken: the tender is ${statusWords(tender.status)}.`, {
          currentStatus: tender.status,
        });
      }
      const closesAt = questionsCloseAt(tender);
      if (this.clock.now() >= closesAt) {
        throw new DomainError(
          'invalid_state',
          `The deadline for clarification questions, ${closesAt.toISOString()}, has passed.`,
          {
            clarificationDeadline: closesAt.toISOString(),
          },
        );
      }
      const entry = await this.insert(em, tender, {
        kind: 'question',
        status: 'awaiting_answer',
        question: dto.question.trim(),
        askedById: caller.id,
        askedByOrganisationId: caller.organisationId,
        askedAt: this.clock.now(),
      });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'clarification.asked',
        entityType: 'clarification',
        entityId: entry.id,
        tenderId,
        after: { number: entry.number, question: entry.question, organisationId: entry.askedByOrganisationId },
      });
      return (await this.present(em, [entry], viewer))[0];
    });
  }

  async issue(caller: Caller, tenderId: string, dto: IssueClarificationDto): Promise<ClarificationResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.teamGrant(em, caller, tenderId);
      const now = this.clock.now();
      const entry = await this.insert(em, tender, {
        kind: 'notice',
        status: 'published',
        answer: dto.text.trim(),
        answeredById: caller.id,
        answeredAt: now,
        publishedAt: now,
        publishedById: caller.id,
      });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'clarification.published',
        entityType: 'clarification',
        entityId: entry.id,
        tenderId,
        after: { number: entry.number, kind: 'notice', text: entry.answer },
      });
      await this.hooks.run(em, entry);
      return (await this.present(em, [entry], { as: 'team' }))[0];
    });
  }

  async answer(
    caller: Caller,
    tenderId: string,
    clarificationId: string,
    dto: AnswerQuestionDto,
  ): Promise<ClarificationResponse> {
    const keepPrivate = dto.private === true;
    if (keepPrivate && !dto.privateReason) {
      throw new DomainError('validation', 'Say why the answer goes to the asker only: what commercial detail it reveals.', {
        errors: [
          { field: 'privateReason', message: 'Say why the answer goes to the asker only: what commercial detail it reveals.' },
        ],
      });
    }
    if (!keepPrivate && dto.privateReason !== undefined) {
      throw new DomainError(
        'validation',
        'A reason is only given for a private answer: leave privateReason out, or set private to true.',
        {
          errors: [{ field: 'privateReason', message: 'Leave this out, or set private to true.' }],
        },
      );
    }
    return this.db.transaction(async (em) => {
      const { entry } = await this.teamEntry(em, caller, tenderId, clarificationId, 'answer');
      const now = this.clock.now();
      entry.answer = dto.answer.trim();
      entry.answeredById = caller.id;
      entry.answeredAt = now;
      entry.status = keepPrivate ? 'private' : 'published';
      entry.privateReason = keepPrivate ? dto.privateReason!.trim() : null;
      if (!keepPrivate) {
        entry.publishedAt = now;
        entry.publishedById = caller.id;
      }
      await em.getRepository(Clarification).save(entry);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'clarification.answered',
        entityType: 'clarification',
        entityId: entry.id,
        tenderId,
        before: { status: 'awaiting_answer' },
        after: { number: entry.number, status: entry.status, answer: entry.answer, privateReason: entry.privateReason },
      });
      if (!keepPrivate) await this.recordPublished(em, caller, entry);
      return (await this.present(em, [entry], { as: 'team' }))[0];
    });
  }

  /** A private answer published after all (the team decided every bidder should know). */
  async publish(caller: Caller, tenderId: string, clarificationId: string): Promise<ClarificationResponse> {
    return this.db.transaction(async (em) => {
      const { entry } = await this.teamEntry(em, caller, tenderId, clarificationId, 'publish');
      entry.status = 'published';
      entry.publishedAt = this.clock.now();
      entry.publishedById = caller.id;
      await em.getRepository(Clarification).save(entry);
      await this.recordPublished(em, caller, entry);
      return (await this.present(em, [entry], { as: 'team' }))[0];
    });
  }

  /** The log as the caller may see it, oldest first. */
  async list(caller: Caller, tenderId: string): Promise<ClarificationResponse[]> {
    return this.db.read((em) => this.listIn(em, caller, tenderId));
  }

  /** `list` inside the caller's unit of work (the pages read it with the tender). */
  async listIn(em: EntityManager, caller: Caller, tenderId: string): Promise<ClarificationResponse[]> {
    const grant = await this.access.require(em, caller, tenderId, 'view');
    return this.logAs(em, tenderId, this.viewerOf(caller, grant));
  }

  /**
   * The published log as the panel sees it, for the panel's own pages: a member of this
   * tender's panel only (anyone else who sees the tender is refused, 403; another tender,
   * or another seat's, does not exist, 404). Oldest first.
   */
  async listForPanel(caller: Caller, tenderId: string): Promise<ClarificationResponse[]> {
    return this.db.read(async (em) => {
      await this.access.requirePanelMember(em, caller, tenderId);
      return this.logAs(em, tenderId, { as: 'panel' });
    });
  }

  /** How many entries `listForPanel` shows, without reading them (its link on the task list and criterion pages). */
  async countForPanel(caller: Caller, tenderId: string): Promise<number> {
    return this.db.read(async (em) => {
      await this.access.requirePanelMember(em, caller, tenderId);
      // `mayView` for the panel: published entries, and nothing else.
      return em.getRepository(Clarification).countBy({ tenderId, status: 'published' });
    });
  }

  private async logAs(em: EntityManager, tenderId: string, viewer: ClarificationViewer): Promise<ClarificationResponse[]> {
    const entries = await clarificationLogOf(em, tenderId);
    return this.present(
      em,
      entries.filter((entry) => mayView(entry, viewer)),
      viewer,
    );
  }

  async get(caller: Caller, tenderId: string, clarificationId: string): Promise<ClarificationResponse> {
    return this.db.read(async (em) => {
      const grant = await this.access.require(em, caller, tenderId, 'view');
      const viewer = this.viewerOf(caller, grant);
      const entry = await em.getRepository(Clarification).findOne({ where: { id: clarificationId, tenderId } });
      if (!entry || !mayView(entry, viewer)) throw notFound();
      return (await this.present(em, [entry], viewer))[0];
    });
  }

  private viewerOf(caller: Caller, grant: TenderAccessGrant): ClarificationViewer {
    if (grant.relation.teamRole !== null) return { as: 'team' };
    if (grant.relation.bidderMayView) return { as: 'bidder', userId: caller.id, organisationId: caller.organisationId };
    return { as: 'panel' };
  }

  /** The team, while the tender takes bids: afterwards the log is closed (409). */
  private async teamGrant(em: EntityManager, caller: Caller, tenderId: string): Promise<TenderAccessGrant> {
    const grant = await this.access.require(em, caller, tenderId, 'team');
    if (grant.tender.status !== 'published') {
      throw new DomainError(
        'invalid_state',
        `Clarifications are given while the tender takes bids; it is ${statusWords(grant.tender.status)}.`,
        {
          currentStatus: grant.tender.status,
        },
      );
    }
    return grant;
  }

  private async teamEntry(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    clarificationId: string,
    step: 'answer' | 'publish',
  ): Promise<TenderAccessGrant & { entry: Clarification }> {
    const grant = await this.teamGrant(em, caller, tenderId);
    const query = em
      .getRepository(Clarification)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.tenderId = :tenderId', { id: clarificationId, tenderId });
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    const entry = await query.getOne();
    if (!entry) throw notFound();
    const problem = stepProblem(entry, step);
    if (problem) throw new DomainError('invalid_state', problem, { currentStatus: entry.status });
    return { ...grant, entry };
  }

  private async recordPublished(em: EntityManager, caller: Caller, entry: Clarification): Promise<void> {
    await this.audit.record(em, {
      actorId: caller.id,
      action: 'clarification.published',
      entityType: 'clarification',
      entityId: entry.id,
      tenderId: entry.tenderId,
      after: { number: entry.number, kind: entry.kind, question: entry.question, answer: entry.answer },
    });
    await this.hooks.run(em, entry);
  }

  /** A new entry numbered next on its tender (the name lock keeps two at once from taking one number). */
  private async insert(em: EntityManager, tender: Tender, fields: Partial<Clarification>): Promise<Clarification> {
    await this.db.lockName(em, `clarification-number:${tender.id}`);
    const last = await em.getRepository(Clarification).maximum('number', { tenderId: tender.id });
    const entry = em.getRepository(Clarification).create({
      id: newId(),
      tenderId: tender.id,
      number: (last ?? 0) + 1,
      question: null,
      askedById: null,
      askedByOrganisationId: null,
      askedAt: null,
      answer: null,
      answeredById: null,
      answeredAt: null,
      privateReason: null,
      publishedAt: null,
      publishedById: null,
      ...fields,
    } as Clarification);
    await em.getRepository(Clarification).insert(entry);
    return entry;
  }

  private async present(
    em: EntityManager,
    entries: Clarification[],
    viewer: ClarificationViewer,
  ): Promise<ClarificationResponse[]> {
    const askers =
      viewer.as === 'team' ? await this.askers(em, entries) : new Map<string, { organisationName: string; name: string }>();
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    return entries.map((entry) => {
      const yours = askedByViewer(entry, viewer);
      return {
        id: entry.id,
        tenderId: entry.tenderId,
        number: entry.number,
        kind: entry.kind,
        status: entry.status,
        question: entry.question,
        answer: entry.status === 'awaiting_answer' ? null : entry.answer,
        askedAt: iso(entry.askedAt),
        answeredAt: iso(entry.answeredAt),
        publishedAt: iso(entry.publishedAt),
        yours,
        askedBy: entry.askedById ? (askers.get(entry.askedById) ?? null) : null,
        privateReason: viewer.as === 'team' || yours ? entry.privateReason : null,
      };
    });
  }

  /** Who asked, by account: their name and organisation (the team's view). */
  async askers(
    em: EntityManager,
    entries: Pick<Clarification, 'askedById'>[],
  ): Promise<Map<string, { organisationName: string; name: string }>> {
    return namesWithOrganisation(
      em,
      entries.map((entry) => entry.askedById).filter((id): id is string => id !== null),
    );
  }
}
