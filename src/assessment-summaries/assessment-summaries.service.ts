import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { Notices } from '../notifications/notices.service';
import type { Tender } from '../tenders/tender.entity';
import { userNames } from '../users/user-directory';
import { AssessmentSummary, AssessmentSummaryVersion } from './assessment-summary.entity';
import { explainedCriteria } from './domain/summary-content';
import { allSentOn, approvalRefusal, editRefusal, londonDay, sendRefusal, sentOnRefusal } from './domain/summary-status';
import type { RecordSummarySentDto, WriteSummaryWordsDto } from './dto/assessment-summary.dto';
import type { AssessmentSummaryResponse, AssessmentSummaryListResponse } from './dto/assessment-summary.response';
import { renderFile, type SummaryFormat } from './summary-files';
import { current, SummaryReader, wordsOf } from './summary-reader';
import { summariesOf, summariesSentOn, summaryOfBid, versionsOf } from './summary-queries';

/**
 * Assessment summaries (Procurement Act 2023 s.50(3)–(5), docs/AFTER-AWARD.md): drafts for every
 * assessed bid once the tender is awarded, new words as new versions, approval by a second team
 * member, the day each was sent, and the documents. The team's; every step audited in its own
 * transaction. The figures are never stored: `SummaryReader` reads them from the evaluation.
 */
@Injectable()
export class AssessmentSummariesService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reader: SummaryReader,
    private readonly notices: Notices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(caller: Caller, tenderId: string): Promise<AssessmentSummaryListResponse> {
    return this.db.read(async (em) => this.listOf(em, await this.awarded(em, caller, tenderId)));
  }

  /** The award notice's date the summaries were sent (YYYY-MM-DD), once every one is sent; else null. */
  sentOn(caller: Caller, tenderId: string): Promise<string | null> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      return (await summariesSentOn(em, tenderId))?.toISOString().slice(0, 10) ?? null;
    });
  }

  /** A draft for every assessed bid that has none yet; the ones already there are left as they are. */
  generate(caller: Caller, tenderId: string): Promise<AssessmentSummaryListResponse> {
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        const tender = await this.awarded(em, caller, tenderId);
        const { bids } = await this.reader.assessed(em, tender);
        const have = new Set((await summariesOf(em, tenderId)).map((summary) => summary.bidId));
        const missing = new Set(bids.filter((bid) => !have.has(bid.bidId)).map((bid) => bid.bidId));
        if (missing.size === 0) return this.listOf(em, tender);
        const drafts = await this.reader.drafts(em, caller, tender, missing);
        const now = this.clock.now();
        for (const [bidId, words] of drafts) {
          const summary = em.getRepository(AssessmentSummary).create({
            id: newId(),
            tenderId,
            bidId,
            status: 'draft',
            currentVersion: 1,
            approvedById: null,
            approvedAt: null,
            sentOn: null,
            sentRecordedById: null,
            sentRecordedAt: null,
          });
          await em.getRepository(AssessmentSummary).insert(summary);
          await em.getRepository(AssessmentSummaryVersion).insert(this.version(summary, 1, words, caller, now));
          await this.record(em, caller, summary, 'assessment_summary.generated', null, { bidId, version: 1 });
        }
        return this.listOf(em, tender);
      }),
    );
  }

  get(caller: Caller, tenderId: string, bidId: string): Promise<AssessmentSummaryResponse> {
    return this.db.read(async (em) => {
      const tender = await this.awarded(em, caller, tenderId);
      return this.reader.teamView(em, tender, await this.summary(em, tenderId, bidId));
    });
  }

  /** New words: the criteria named are replaced, the rest kept; always the next version, and a draft again. */
  write(caller: Caller, tenderId: string, bidId: string, dto: WriteSummaryWordsDto): Promise<AssessmentSummaryResponse> {
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        const tender = await this.awarded(em, caller, tenderId);
        const summary = await this.summary(em, tenderId, bidId);
        const refusal = editRefusal(summary);
        if (refusal) throw new DomainError('invalid_state', refusal);
        const { input } = await this.reader.assessed(em, tender);
        const explained = explainedCriteria(input.criteria);
        const latest = current(summary, await versionsOf(em, [summary.id]));
        const words = wordsOf(latest);
        const explanations = { ...words.explanations };
        (dto.explanations ?? []).forEach((entry, index) => {
          const criterion = explained.find((c) => c.id === entry.criterion || c.code === entry.criterion);
          if (!criterion) {
            const message = `${entry.criterion} is not a scored or price criterion of this tender: only those have an explanation.`;
            throw new DomainError('rule_violation', message, {
              errors: [{ field: `explanations[${index}].criterion`, message }],
            });
          }
          explanations[criterion.id] = entry.text.trim();
        });
        const next = { explanations, overall: dto.overall?.trim() ?? words.overall };
        const before = { version: summary.currentVersion, status: summary.status };
        summary.currentVersion += 1;
        summary.status = 'draft';
        summary.approvedById = null;
        summary.approvedAt = null;
        await em
          .getRepository(AssessmentSummaryVersion)
          .insert(this.version(summary, summary.currentVersion, next, caller, this.clock.now()));
        await em.getRepository(AssessmentSummary).save(summary);
        await this.record(em, caller, summary, 'assessment_summary.edited', before, { version: summary.currentVersion, ...next });
        return this.reader.teamView(em, tender, summary);
      }),
    );
  }

  /** A second team member approves: not the one who wrote the newest words. */
  approve(caller: Caller, tenderId: string, bidId: string): Promise<AssessmentSummaryResponse> {
    return this.db.transaction(async (em) => {
      const tender = await this.awarded(em, caller, tenderId);
      const summary = await this.summary(em, tenderId, bidId);
      const latest = current(summary, await versionsOf(em, [summary.id]));
      const refusal = approvalRefusal(summary, latest.editedById, caller.id);
      if (refusal) throw new DomainError(refusal.code, refusal.detail);
      summary.status = 'approved';
      summary.approvedById = caller.id;
      summary.approvedAt = this.clock.now();
      await em.getRepository(AssessmentSummary).save(summary);
      await this.record(
        em,
        caller,
        summary,
        'assessment_summary.approved',
        { status: 'draft' },
        { version: summary.currentVersion },
      );
      return this.reader.teamView(em, tender, summary);
    });
  }

  /** The team sent the approved summary on `sentOn`: recorded, and the supplier told where to read it. */
  recordSent(caller: Caller, tenderId: string, bidId: string, dto: RecordSummarySentDto): Promise<AssessmentSummaryResponse> {
    return this.db.transaction(async (em) => {
      const tender = await this.awarded(em, caller, tenderId);
      const summary = await this.summary(em, tenderId, bidId);
      const refusal = sendRefusal(summary);
      if (refusal) throw new DomainError('invalid_state', refusal);
      const now = this.clock.now();
      const dateRefusal = sentOnRefusal(dto.sentOn, londonDay(now), tender.awardedAt ? londonDay(tender.awardedAt) : null);
      if (dateRefusal) {
        throw new DomainError('rule_violation', dateRefusal, { errors: [{ field: 'sentOn', message: dateRefusal }] });
      }
      summary.status = 'sent';
      summary.sentOn = dto.sentOn;
      summary.sentRecordedById = caller.id;
      summary.sentRecordedAt = now;
      await em.getRepository(AssessmentSummary).save(summary);
      await this.record(
        em,
        caller,
        summary,
        'assessment_summary.sent',
        { status: 'approved' },
        {
          version: summary.currentVersion,
          sentOn: dto.sentOn,
        },
      );
      const bidder = await bidderOf(em, bidId);
      if (bidder) {
        const url = `${this.config.publicUrl}/bids/${tenderId}/assessment-summary`;
        await this.notices.assessmentSummariesSent(em, tender, [{ userId: bidder.id, email: bidder.email, url }]);
      }
      return this.reader.teamView(em, tender, summary);
    });
  }

  /** The summary as a PDF or a Word document, its download audited. */
  file(caller: Caller, tenderId: string, bidId: string, format: SummaryFormat): Promise<{ bytes: Buffer; fileName: string }> {
    return this.db.transaction(async (em) => {
      const tender = await this.awarded(em, caller, tenderId);
      const summary = await this.summary(em, tenderId, bidId);
      const content = await this.reader.contentOf(em, tender, summary);
      await this.record(em, caller, summary, 'assessment_summary.downloaded', null, { version: summary.currentVersion, format });
      return renderFile(tender, content, format);
    });
  }

  private async listOf(em: EntityManager, tender: Tender): Promise<AssessmentSummaryListResponse> {
    const { bids } = await this.reader.assessed(em, tender);
    const summaries = await summariesOf(em, tender.id);
    const versions = await versionsOf(
      em,
      summaries.map((summary) => summary.id),
    );
    const names = await userNames(em, [...new Set(versions.map((version) => version.editedById))]);
    const byBid = new Map(summaries.map((summary) => [summary.bidId, summary]));
    return {
      tenderId: tender.id,
      assessed: bids.length,
      allSentOn: summaries.length === bids.length ? allSentOn(summaries) : null,
      summaries: bids.flatMap((bid) => {
        const summary = byBid.get(bid.bidId);
        if (!summary) return [];
        return [
          {
            id: summary.id,
            bidId: bid.bidId,
            bidderName: bid.bidderName,
            status: summary.status,
            version: summary.currentVersion,
            lastEditedBy: names.get(current(summary, versions).editedById) ?? '',
            sentOn: summary.sentOn,
          },
        ];
      }),
    };
  }

  private async awarded(em: EntityManager, caller: Caller, tenderId: string): Promise<Tender> {
    const { tender } = await this.access.require(em, caller, tenderId, 'team');
    this.reader.assertAwarded(tender);
    return tender;
  }

  private async summary(em: EntityManager, tenderId: string, bidId: string): Promise<AssessmentSummary> {
    const summary = await summaryOfBid(em, tenderId, bidId);
    if (!summary) throw new DomainError('not_found', 'There is no assessment summary for that bid: generate the drafts first.');
    return summary;
  }

  private version(
    summary: AssessmentSummary,
    version: number,
    words: { explanations: Record<string, string>; overall: string },
    caller: Caller,
    at: Date,
  ): AssessmentSummaryVersion {
    return Object.assign(new AssessmentSummaryVersion(), {
      id: newId(),
      summaryId: summary.id,
      tenderId: summary.tenderId,
      version,
      explanations: words.explanations,
      overall: words.overall,
      editedById: caller.id,
      editedAt: at,
    });
  }

  private record(em: EntityManager, caller: Caller, summary: AssessmentSummary, action: string, before: unknown, after: unknown) {
    return this.audit.record(em, {
      actorId: caller.id,
      action,
      entityType: 'assessment_summary',
      entityId: summary.id,
      tenderId: summary.tenderId,
      before,
      after,
    });
  }
}

/** The bid's bidder account, when it has one that is active (a paper bid has none). */
async function bidderOf(em: EntityManager, bidId: string): Promise<{ id: string; email: string } | null> {
  const row = await em
    .createQueryBuilder()
    .select('u.id', 'id')
    .addSelect('u.email', 'email')
    .from('bids', 'b')
    .innerJoin('users', 'u', 'u.id = b."bidderUserId"')
    .where('b.id = :bidId', { bidId })
    .andWhere('u.active = :active', { active: true })
    .getRawOne<{ id: string; email: string }>();
  return row ?? null;
}
