import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { leaves } from '../criteria/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Db } from '../database/db.service';
import { bidProgress, seatContact } from '../panel/domain/panel-rules';
import { PanelDirectory } from '../panel/panel-directory.service';
import { criteriaForGroup } from '../scoring/domain/scoring-rules';
import { scoreKeys } from '../scoring/score-queries';
import type { Tender } from '../tenders/tender.entity';
import { deadlineInWords } from '../common/domain/time-in-words';
import {
  allScoresInEmail,
  assessmentSummariesEmail,
  clarificationEmail,
  reminderEmail,
  unscoredBidsEmail,
  type TenderWords,
} from './domain/templates';
import { Outbox } from './outbox.service';

/** A member's place in the scoring: how many of their bids are neither submitted nor conflicted. */
export interface MemberToScore {
  memberId: string;
  name: string;
  email: string;
  unscored: number;
}

/**
 * The messages that tell of a change: each is called inside the change's own unit of work
 * (scoring, clarifications) or by the sender loop (reminders), and only enqueues.
 */
@Injectable()
export class Notices {
  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly access: TenderAccess,
    private readonly directory: PanelDirectory,
    private readonly criteria: CriteriaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** After a member submits a bid's scores: when they were the last, the team hears that all scores are in (once). */
  async scoresSubmitted(em: EntityManager, tender: Tender): Promise<void> {
    // Two last submissions at once on PostgreSQL: the second waits here and then sees the first's scores.
    await this.db.lockName(em, `all-scores-in:${tender.id}`);
    const members = await this.toScore(em, tender);
    if (members.length === 0 || members.some((member) => member.unscored > 0)) return;
    const email = allScoresInEmail({
      title: tender.title,
      members: members.length,
      url: `${this.config.publicUrl}/tenders/${tender.id}`,
    });
    for (const person of await teamOf(em, tender.id)) {
      await this.outbox.enqueueOnce(em, {
        tenderId: tender.id,
        kind: 'all_scores_in',
        to: person.email,
        recipientId: person.id,
        email,
        dedupeKey: `all_scores_in:${tender.id}:${person.id}`,
      });
    }
  }

  /** A clarification every bidder may read: each bidder with a bid on the tender is told. */
  async clarificationPublished(
    em: EntityManager,
    clarification: { id: string; tenderId: string; number: number },
  ): Promise<void> {
    const tender = await em.getRepository<Tender>('Tender').findOneByOrFail({ id: clarification.tenderId });
    const email = clarificationEmail({
      title: tender.title,
      clarificationTitle: `Clarification ${clarification.number}`,
      url: `${this.config.publicUrl}/bids/${tender.id}`,
    });
    for (const bidder of await biddersOf(em, tender.id)) {
      await this.outbox.enqueueOnce(em, {
        tenderId: tender.id,
        kind: 'clarification_published',
        to: bidder.email,
        recipientId: bidder.id,
        email,
        dedupeKey: `clarification:${clarification.id}:${bidder.id}`,
      });
    }
  }

  /**
   * "Your assessment summary was sent": AssessmentSummariesService.recordSent calls this in its
   * own unit of work, with the bidder and the address of the summary's page.
   */
  async assessmentSummariesSent(
    em: EntityManager,
    tender: Tender,
    recipients: readonly { userId: string; email: string; url: string }[],
  ): Promise<void> {
    for (const recipient of recipients) {
      await this.outbox.enqueue(em, {
        tenderId: tender.id,
        kind: 'assessment_summaries_sent',
        to: recipient.email,
        recipientId: recipient.userId,
        email: assessmentSummariesEmail({ title: tender.title, url: recipient.url }),
      });
    }
  }

  /** The reminder `daysBefore` the deadline to every member with bids still to score, each once. */
  async remind(em: EntityManager, tender: Tender, daysBefore: number): Promise<number> {
    let sent = 0;
    const words = this.wordsOf(tender);
    for (const member of await this.toScore(em, tender)) {
      if (member.unscored === 0) continue;
      const enqueued = await this.outbox.enqueueOnce(em, {
        tenderId: tender.id,
        kind: 'scoring_reminder',
        to: member.email,
        recipientId: member.memberId,
        panelMemberId: member.memberId,
        email: reminderEmail({ name: member.name, tender: words, unscored: member.unscored, url: `${this.config.publicUrl}/` }),
        dedupeKey: `reminder:${tender.id}:${member.memberId}:${daysBefore}`,
      });
      if (enqueued) sent += 1;
    }
    return sent;
  }

  /** "You have bids to score", now, to every member with bids still to score (the team's choice, any number of times). */
  async unscoredBids(em: EntityManager, tender: Tender): Promise<number> {
    let queued = 0;
    const words = this.wordsOf(tender);
    for (const member of await this.toScore(em, tender)) {
      if (member.unscored === 0) continue;
      await this.outbox.enqueue(em, {
        tenderId: tender.id,
        kind: 'unscored_bids',
        to: member.email,
        recipientId: member.memberId,
        panelMemberId: member.memberId,
        email: unscoredBidsEmail({
          name: member.name,
          tender: words,
          unscored: member.unscored,
          url: `${this.config.publicUrl}/`,
        }),
      });
      queued += 1;
    }
    return queued;
  }

  wordsOf(tender: Pick<Tender, 'title' | 'scoringDeadline'>): TenderWords {
    return {
      title: tender.title,
      team: 'the tender team',
      deadline: tender.scoringDeadline ? `Please finish by ${deadlineInWords(tender.scoringDeadline)}.` : null,
    };
  }

  /** Every member with the number of their panel bids still to score: the progress grid's reads, no score values. */
  async toScore(em: EntityManager, tender: Tender): Promise<MemberToScore[]> {
    const members = await this.directory.members(em, tender.id);
    const bids = await this.access.panelBids(em, tender);
    if (members.length === 0 || bids.length === 0) return [];
    const conflicts = new Set(
      (await this.directory.declarations(em, tender.id)).filter((d) => d.conflict).map((d) => `${d.panelMemberId}|${d.bidId}`),
    );
    const scored = leaves((await this.criteria.all(em, tender.id)).map(toFlat));
    const scoresOf = new Map<string, { criterionId: string; status: 'draft' | 'submitted' }[]>();
    for (const score of await scoreKeys(em, tender.id)) {
      const key = `${score.panelMemberId}|${score.bidId}`;
      scoresOf.set(key, [...(scoresOf.get(key) ?? []), score]);
    }
    return members.map((member) => {
      const criterionIds = criteriaForGroup(scored, member.group).map((c) => c.id);
      const unscored = bids.filter((bid) => {
        const key = `${member.id}|${bid.id}`;
        const progress = bidProgress({ conflict: conflicts.has(key), criterionIds, scores: scoresOf.get(key) ?? [] });
        return progress !== 'submitted' && progress !== 'conflict';
      }).length;
      const contact = member.user
        ? seatContact(member, member.user)
        : { name: member.contactName ?? '', email: member.contactEmail ?? '' };
      return { memberId: member.id, name: contact.name, email: contact.email, unscored };
    });
  }
}

interface Person {
  id: string;
  email: string;
}

/** The tender's team (owner, commissioners, procurement) with active accounts. */
function teamOf(em: EntityManager, tenderId: string): Promise<Person[]> {
  return em
    .createQueryBuilder()
    .select('u.id', 'id')
    .addSelect('u.email', 'email')
    .from('tender_team_members', 't')
    .innerJoin('users', 'u', 'u.id = t."userId"')
    .where('t."tenderId" = :tenderId', { tenderId })
    .andWhere('u.active = :active', { active: true })
    .orderBy('u.email', 'ASC')
    .getRawMany<Person>();
}

/** Each bidder account with a bid on the tender, once. */
function biddersOf(em: EntityManager, tenderId: string): Promise<Person[]> {
  return em
    .createQueryBuilder()
    .select('u.id', 'id')
    .addSelect('u.email', 'email')
    .distinct(true)
    .from('bids', 'b')
    .innerJoin('users', 'u', 'u.id = b."bidderUserId"')
    .where('b."tenderId" = :tenderId', { tenderId })
    .andWhere('u.active = :active', { active: true })
    .orderBy('u.email', 'ASC')
    .getRawMany<Person>();
}
