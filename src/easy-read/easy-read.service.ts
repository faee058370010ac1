import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { easyReadRole } from '../access/access-rules';
import { TenderAccess, type BidAccessGrant } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { assertNotFrozen } from '../tenders/domain/tender-lifecycle';
import {
  addWorkingDays,
  DEFAULT_WORKING_DAYS,
  responseProblem,
  sendProblem,
  factCheckState,
  type SummaryViewer,
} from './domain/fact-check';
import {
  DEFAULT_TEMPLATE,
  followsTemplate,
  summaryProblems,
  templateChangeProblem,
  templateProblems,
  tidyHeadings,
  type EasyReadTemplateFacts,
} from './domain/template-rules';
import type { EasyReadTemplateDto, FactCheckResponseDto, SendForFactCheckDto, WriteSummaryDto } from './dto/easy-read.dto';
import type { EasyReadSummaryResponse, EasyReadTemplateResponse, SummaryVersionResponse } from './dto/easy-read.response';
import { EasyReadFactCheck } from './easy-read-fact-check.entity';
import { EasyReadNotifier } from './easy-read-notifier';
import { presentSummary } from './easy-read.presenter';
import { EasyReadTemplate } from './easy-read-template.entity';
import { EasyReadVersion } from './easy-read-version.entity';

export interface EasyReadOverview {
  template: EasyReadTemplateResponse;
  bids: { bidId: string; bidderName: string; newest: SummaryVersionResponse | null }[] | null;
}

const versionNotFound = (): DomainError => new DomainError('not_found', 'Summary version not found.');

/**
 * Easy-read summaries of bids (issue 17, part 5): one template per tender, versions the team
 * writes (append-only), fact-checks the bidder answers within working days, and the version
 * the panel reads. Who may do what is the access policy's (`easyReadRole`) on top of the
 * bid's own visibility (`TenderAccess.requireBid`): a bid the caller may not see is 404, so
 * a bidder never learns another bid's summary exists. Each step commits with its audit row.
 */
@Injectable()
export class EasyReadService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifier: EasyReadNotifier,
  ) {}

  async template(caller: Caller, tenderId: string): Promise<EasyReadTemplateResponse> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      return this.templateOf(em, tenderId);
    });
  }

  async setTemplate(caller: Caller, tenderId: string, dto: EasyReadTemplateDto): Promise<EasyReadTemplateResponse> {
    const proposed: EasyReadTemplateFacts = { headings: tidyHeadings(dto.headings), wordLimit: dto.wordLimit };
    const problems = templateProblems(proposed);
    if (problems.length) throw new DomainError('rule_violation', problems[0].message, { errors: problems });
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      assertNotFrozen(tender.status);
      const locked = templateChangeProblem(await this.sentCount(em, tenderId));
      if (locked) throw new DomainError('invalid_state', locked);
      const before = await this.templateOf(em, tenderId);
      await em.getRepository(EasyReadTemplate).save({
        tenderId,
        headings: [...proposed.headings],
        wordLimit: proposed.wordLimit,
        updatedById: caller.id,
        updatedAt: this.clock.now(),
      });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'easy_read_template.set',
        entityType: 'easy_read_template',
        entityId: tenderId,
        tenderId,
        before: { headings: before.headings, wordLimit: before.wordLimit },
        after: proposed,
      });
      return this.templateOf(em, tenderId);
    });
  }

  /**
   * The team's overview: the template and, once the box is open, each counted bid with its
   * newest version and that version's fact-check state (null bids while sealed). Three
   * statements whatever the number of bids.
   */
  async overview(caller: Caller, tenderId: string): Promise<EasyReadOverview> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const template = await this.templateOf(em, tenderId);
      let visible: Awaited<ReturnType<TenderAccess['visibleBids']>>;
      try {
        visible = await this.access.visibleBids(em, caller, tenderId);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid_state') return { template, bids: null };
        throw error;
      }
      const versions = await em.getRepository(EasyReadVersion).find({ where: { tenderId }, order: { number: 'DESC' } });
      const checks = await em.getRepository(EasyReadFactCheck).find({ where: { tenderId } });
      const now = this.clock.now();
      const bids = visible.bids.map(({ bid }) => {
        const summary = presentSummary({
          tenderId,
          bidId: bid.id,
          viewer: 'team',
          template,
          versions: versions.filter((version) => version.bidId === bid.id),
          checks: checks.filter((check) => check.bidId === bid.id),
          now,
        });
        const newest = summary.versions[0] ?? null;
        return { bidId: bid.id, bidderName: bid.bidderName, newest };
      });
      return { template, bids };
    });
  }

  async summary(caller: Caller, tenderId: string, bidId: string): Promise<EasyReadSummaryResponse> {
    return this.db.read(async (em) => {
      const { role } = await this.requireSummary(em, caller, tenderId, bidId);
      return this.present(em, tenderId, bidId, role);
    });
  }

  /**
   * The version a panel member reads beside the bid (`summary`'s only version for the panel),
   * or null. No fact check sent, no version for the panel: then one statement, not four.
   */
  async panelVersion(caller: Caller, tenderId: string, bidId: string): Promise<SummaryVersionResponse | null> {
    return this.db.read(async (em) => {
      const { role } = await this.requireSummary(em, caller, tenderId, bidId);
      if (role === 'panel' && !(await em.getRepository(EasyReadFactCheck).exists({ where: { bidId } }))) return null;
      return (await this.present(em, tenderId, bidId, role)).versions[0] ?? null;
    });
  }

  async write(caller: Caller, tenderId: string, bidId: string, dto: WriteSummaryDto): Promise<EasyReadSummaryResponse> {
    return this.db.transaction(async (em) => {
      const { grant } = await this.requireSummary(em, caller, tenderId, bidId, 'team');
      assertNotFrozen(grant.tender.status);
      const template = await this.templateOf(em, tenderId);
      const sections = dto.sections.map((section) => ({ heading: section.heading.trim(), text: section.text.trim() }));
      const problems = summaryProblems(sections, template);
      if (problems.length) throw new DomainError('rule_violation', problems[0].message, { errors: problems });
      await this.db.lockName(em, `easy-read-version:${bidId}`);
      const last = await em.getRepository(EasyReadVersion).maximum('number', { bidId });
      const version: EasyReadVersion = {
        id: newId(),
        tenderId,
        bidId,
        number: (last ?? 0) + 1,
        sections: sections.map((section, index) => ({ heading: template.headings[index], text: section.text })),
        wordLimit: template.wordLimit,
        writtenById: caller.id,
        writtenAt: this.clock.now(),
      };
      await em.getRepository(EasyReadVersion).insert(version);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'easy_read.version_written',
        entityType: 'easy_read_version',
        entityId: version.id,
        tenderId,
        sensitivity: 'bid_content',
        after: { bidId, number: version.number, sections: version.sections, wordLimit: version.wordLimit },
      });
      return this.present(em, tenderId, bidId, 'team');
    });
  }

  async send(
    caller: Caller,
    tenderId: string,
    bidId: string,
    versionId: string,
    dto: SendForFactCheckDto,
  ): Promise<EasyReadSummaryResponse> {
    const sent = await this.db.transaction(async (em) => {
      const { grant } = await this.requireSummary(em, caller, tenderId, bidId, 'team');
      assertNotFrozen(grant.tender.status);
      await this.db.lockName(em, `easy-read-version:${bidId}`);
      const version = await em.getRepository(EasyReadVersion).findOne({ where: { id: versionId, bidId } });
      if (!version) throw versionNotFound();
      const newest = (await em.getRepository(EasyReadVersion).maximum('number', { bidId })) ?? 0;
      const alreadySent = await em.getRepository(EasyReadFactCheck).exists({ where: { versionId } });
      const template = await this.templateOf(em, tenderId);
      const problem = sendProblem(
        { number: version.number, sent: alreadySent, followsTemplate: followsTemplate(version, template) },
        newest,
      );
      if (problem) throw new DomainError('invalid_state', problem);
      const now = this.clock.now();
      const workingDays = dto.workingDays ?? DEFAULT_WORKING_DAYS;
      const check: EasyReadFactCheck = {
        id: newId(),
        versionId,
        tenderId,
        bidId,
        sentById: caller.id,
        sentAt: now,
        workingDays,
        respondBy: addWorkingDays(now, workingDays),
        outcome: null,
        comment: null,
        respondedById: null,
        respondedAt: null,
      };
      await em.getRepository(EasyReadFactCheck).insert(check);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'easy_read.sent_for_fact_check',
        entityType: 'easy_read_version',
        entityId: versionId,
        tenderId,
        sensitivity: 'bid_content',
        after: { bidId, number: version.number, workingDays, respondBy: check.respondBy.toISOString() },
      });
      const summary = await this.present(em, tenderId, bidId, 'team');
      return { summary, request: { tenderId, bidId, versionNumber: version.number, respondBy: check.respondBy } };
    });
    this.notifier.factCheckRequested(sent.request);
    return sent.summary;
  }

  async respond(
    caller: Caller,
    tenderId: string,
    bidId: string,
    versionId: string,
    dto: FactCheckResponseDto,
  ): Promise<EasyReadSummaryResponse> {
    const comment = dto.comment?.trim() ?? null;
    if (dto.decision === 'comment' && !comment) {
      const message = 'Say what is wrong in the summary, so the team can put it right.';
      throw new DomainError('validation', message, { errors: [{ field: 'comment', message }] });
    }
    return this.db.transaction(async (em) => {
      const { grant } = await this.requireSummary(em, caller, tenderId, bidId, 'bidder');
      assertNotFrozen(grant.tender.status);
      await this.db.lockName(em, `easy-read-version:${bidId}`);
      const check = await em.getRepository(EasyReadFactCheck).findOne({ where: { versionId, bidId } });
      // A version not sent to the bidder does not exist for them.
      if (!check) throw versionNotFound();
      const version = await em.getRepository(EasyReadVersion).findOneOrFail({ where: { id: versionId } });
      const newestSent = await this.newestSentNumber(em, bidId);
      const state = factCheckState({ versionNumber: version.number, ...check }, newestSent, this.clock.now());
      const problem = responseProblem(state, check.respondBy);
      if (problem) throw new DomainError('invalid_state', problem, { state });
      check.outcome = dto.decision === 'approve' ? 'approved' : 'commented';
      check.comment = comment;
      check.respondedById = caller.id;
      check.respondedAt = this.clock.now();
      await em.getRepository(EasyReadFactCheck).save(check);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'easy_read.fact_checked',
        entityType: 'easy_read_version',
        entityId: versionId,
        tenderId,
        sensitivity: 'bid_content',
        before: { state },
        after: { bidId, number: version.number, outcome: check.outcome, comment },
      });
      return this.present(em, tenderId, bidId, 'bidder');
    });
  }

  /**
   * The bid as the caller may see it (404 otherwise: another bidder's, sealed, a conflict),
   * and their part in its summary; `need`, when given, must be it (403 otherwise).
   */
  private async requireSummary(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    bidId: string,
    need?: SummaryViewer,
  ): Promise<{ grant: BidAccessGrant; role: SummaryViewer }> {
    const grant = await this.access.requireBid(em, caller, tenderId, bidId, 'read');
    const role = easyReadRole(grant);
    if (role === null) throw new DomainError('not_found', 'Bid not found.');
    if (need && role !== need) {
      throw new DomainError(
        'forbidden',
        need === 'team'
          ? 'Only the tender team writes and sends easy-read summaries.'
          : 'Only the bidder checks the summary of their bid.',
      );
    }
    return { grant, role };
  }

  private async templateOf(em: EntityManager, tenderId: string): Promise<EasyReadTemplateResponse> {
    const row = await em.getRepository(EasyReadTemplate).findOne({ where: { tenderId } });
    const template = row ?? DEFAULT_TEMPLATE;
    return {
      tenderId,
      headings: [...template.headings],
      wordLimit: template.wordLimit,
      isDefault: row === null,
      locked: (await this.sentCount(em, tenderId)) > 0,
    };
  }

  private sentCount(em: EntityManager, tenderId: string): Promise<number> {
    return em.getRepository(EasyReadFactCheck).count({ where: { tenderId } });
  }

  private async newestSentNumber(em: EntityManager, bidId: string): Promise<number> {
    const row = await em
      .getRepository(EasyReadVersion)
      .createQueryBuilder('v')
      .innerJoin(EasyReadFactCheck, 'c', 'c.versionId = v.id')
      .where('v.bidId = :bidId', { bidId })
      .select('MAX(v.number)', 'newest')
      .getRawOne<{ newest: number | string | null }>();
    return Number(row?.newest ?? 0);
  }

  private async present(
    em: EntityManager,
    tenderId: string,
    bidId: string,
    viewer: SummaryViewer,
  ): Promise<EasyReadSummaryResponse> {
    const versions = await em.getRepository(EasyReadVersion).find({ where: { bidId }, order: { number: 'DESC' } });
    const checks = await em.getRepository(EasyReadFactCheck).find({ where: { bidId } });
    const template = await this.templateOf(em, tenderId);
    return presentSummary({ tenderId, bidId, viewer, template, versions, checks, now: this.clock.now() });
  }
}
