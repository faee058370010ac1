import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { reached, statusWords } from '../tenders/domain/tender-lifecycle';
import type { Tender } from '../tenders/tender.entity';
import { contractEntryRefusal, type ContractEntryState, ukDay } from './domain/contract-entry';
import { retainUntil, retentionEnded } from './domain/retention';
import { standstillPeriod } from './domain/working-days';
import type {
  EnterContractDto,
  LiftChallengeDto,
  PublishedNoticeDto,
  RecordChallengeDto,
  StandstillSettingsDto,
} from './dto/standstill.dto';
import type { RetentionEntry, StandstillResponse } from './dto/standstill.response';
import { Standstill, StandstillChallenge } from './standstill.entity';

/**
 * After the award (docs/AFTER-AWARD.md): the standstill (s.51) from the contract award notice,
 * challenges that hold the contract back until lifted, entering into the contract, and the
 * procurement termination notice (s.55) when the buyer decides not to award. The team's; every
 * step audited in its own transaction.
 */
@Injectable()
export class StandstillService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get(caller: Caller, tenderId: string): Promise<StandstillResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      return this.present(tender, await this.recordOf(em, tenderId), await this.challengesOf(em, tenderId));
    });
  }

  settings(caller: Caller, tenderId: string, dto: StandstillSettingsDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, (_em, _tender, record) => {
      if (record.noticePublishedAt) {
        throw new DomainError(
          'invalid_state',
          'The standstill settings cannot change after the contract award notice is published.',
        );
      }
      const before = { nation: record.nation, kind: record.kind };
      if (dto.nation !== undefined) record.nation = dto.nation;
      if (dto.kind !== undefined) record.kind = dto.kind;
      return { action: 'standstill.settings', before, after: { nation: record.nation, kind: record.kind } };
    });
  }

  /** The contract award notice was published: the standstill runs from that day. */
  publishNotice(caller: Caller, tenderId: string, dto: PublishedNoticeDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, (_em, tender, record) => {
      if (tender.status !== 'awarded') {
        throw new DomainError(
          'invalid_state',
          `The tender is ${statusWords(tender.status)}: a contract award notice follows the award.`,
        );
      }
      if (record.noticePublishedAt) {
        throw new DomainError(
          'invalid_state',
          `The contract award notice was already recorded as published on ${ukDay(record.noticePublishedAt)}.`,
        );
      }
      const publishedAt = this.pastOrNow(dto.publishedAt, 'publishedAt', 'The notice');
      if (tender.awardedAt && publishedAt < tender.awardedAt) {
        throw fieldRule('publishedAt', `The notice cannot be published before the award (${ukDay(tender.awardedAt)}).`);
      }
      record.noticePublishedAt = publishedAt;
      record.endsAt = record.kind === 'none' ? null : standstillPeriod(publishedAt, record.nation).endsAt;
      return {
        action: 'award_notice.published',
        after: { publishedAt: publishedAt.toISOString(), standstillEndsAt: record.endsAt?.toISOString() ?? null },
      };
    });
  }

  recordChallenge(caller: Caller, tenderId: string, dto: RecordChallengeDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, async (em, _tender, record) => {
      if (!record.noticePublishedAt)
        throw new DomainError('invalid_state', 'Record when the contract award notice was published first.');
      if (record.contractEnteredAt) {
        throw new DomainError(
          'invalid_state',
          `The contract was entered into on ${ukDay(record.contractEnteredAt)}: a challenge now does not hold it back.`,
        );
      }
      const receivedAt = this.pastOrNow(dto.receivedAt, 'receivedAt', 'The challenge');
      const challenge = em.getRepository(StandstillChallenge).create({
        id: newId(),
        tenderId,
        receivedAt,
        summary: dto.summary.trim(),
        recordedBy: caller.id,
        liftedAt: null,
        liftedReason: null,
      });
      await em.getRepository(StandstillChallenge).insert(challenge);
      return {
        action: 'standstill.challenge_recorded',
        entityId: challenge.id,
        after: { receivedAt: receivedAt.toISOString(), summary: challenge.summary },
      };
    });
  }

  liftChallenge(caller: Caller, tenderId: string, challengeId: string, dto: LiftChallengeDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, async (em) => {
      const challenge = await em.getRepository(StandstillChallenge).findOne({ where: { id: challengeId, tenderId } });
      if (!challenge) throw notFound('The challenge');
      if (challenge.liftedAt)
        throw new DomainError('invalid_state', `This challenge was already lifted on ${ukDay(challenge.liftedAt)}.`);
      challenge.liftedAt = this.clock.now();
      challenge.liftedReason = dto.reason.trim();
      await em.getRepository(StandstillChallenge).save(challenge);
      return {
        action: 'standstill.challenge_lifted',
        entityId: challenge.id,
        after: { liftedAt: challenge.liftedAt.toISOString(), reason: challenge.liftedReason },
      };
    });
  }

  enterContract(caller: Caller, tenderId: string, dto: EnterContractDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, async (em, tender, record) => {
      const enteredAt = dto.enteredAt ? this.pastOrNow(dto.enteredAt, 'enteredAt', 'The contract') : this.clock.now();
      const challenges = await this.challengesOf(em, tenderId);
      const refusal = contractEntryRefusal(entryState(tender, record, challenges), this.clock.now());
      if (refusal) throw new DomainError('invalid_state', refusal);
      if (record.endsAt && enteredAt < record.endsAt) {
        throw fieldRule(
          'enteredAt',
          `The contract cannot have been entered into during the standstill, which ended at midnight at the end of ${ukDay(new Date(record.endsAt.getTime() - 1))}.`,
        );
      }
      record.contractEnteredAt = enteredAt;
      // Entering changes no challenge: the answer shows the ones just read.
      return { action: 'contract.entered', after: { enteredAt: enteredAt.toISOString() }, challenges };
    });
  }

  /** s.55: the buyer decided not to award (the tender is cancelled after its tender notice). */
  publishTerminationNotice(caller: Caller, tenderId: string, dto: PublishedNoticeDto): Promise<StandstillResponse> {
    return this.change(caller, tenderId, (_em, tender, record) => {
      if (tender.status !== 'cancelled' || !tender.publishedAt) {
        throw new DomainError(
          'invalid_state',
          `The tender is ${statusWords(tender.status)}: a procurement termination notice is for a published tender the buyer has cancelled instead of awarding.`,
        );
      }
      if (record.terminationNoticePublishedAt) {
        throw new DomainError(
          'invalid_state',
          `The procurement termination notice was already recorded as published on ${ukDay(record.terminationNoticePublishedAt)}.`,
        );
      }
      const publishedAt = this.pastOrNow(dto.publishedAt, 'publishedAt', 'The notice');
      record.terminationNoticePublishedAt = publishedAt;
      return { action: 'termination_notice.published', after: { publishedAt: publishedAt.toISOString() } };
    });
  }

  /**
   * The retention report: the caller's team tenders whose contract was entered into, with the
   * date their records may go (three years on, s.98) and whether that date has passed. One
   * query, whatever the number of tenders.
   */
  retention(caller: Caller): Promise<RetentionEntry[]> {
    return this.db.read(async (em) => {
      const rows = await em
        .getRepository(Standstill)
        .createQueryBuilder('standstill')
        .innerJoin('tenders', 'tender', 'tender.id = standstill.tenderId')
        .innerJoin('tender_team_members', 'team', 'team.tenderId = standstill.tenderId AND team.userId = :userId', {
          userId: caller.id,
        })
        .select(['standstill.tenderId', 'standstill.contractEnteredAt'])
        .addSelect('tender.reference', 'reference')
        .addSelect('tender.title', 'title')
        .where('standstill.contractEnteredAt IS NOT NULL')
        .orderBy('standstill.contractEnteredAt', 'ASC')
        .getRawAndEntities();
      const now = this.clock.now();
      return rows.entities.map((record, index) => {
        const entered = record.contractEnteredAt!;
        const raw = rows.raw[index] as { reference: string; title: string };
        return {
          tenderId: record.tenderId,
          reference: raw.reference,
          title: raw.title,
          contractEnteredAt: entered.toISOString(),
          retainUntil: retainUntil(entered).toISOString(),
          due: retentionEnded(entered, now),
        };
      });
    });
  }

  private change(
    caller: Caller,
    tenderId: string,
    step: (em: EntityManager, tender: Tender, record: Standstill) => Step | Promise<Step>,
  ): Promise<StandstillResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      if (!reached(tender.status, 'published') && tender.status !== 'cancelled') {
        throw new DomainError(
          'invalid_state',
          `The tender is ${statusWords(tender.status)}: after-award steps start once it is published.`,
        );
      }
      const record = await this.recordOf(em, tenderId);
      const done = await step(em, tender, record);
      await em.getRepository(Standstill).save(record);
      await this.audit.record(em, {
        actorId: caller.id,
        action: done.action,
        entityType: done.entityId ? 'standstill_challenge' : 'standstill',
        entityId: done.entityId ?? tenderId,
        tenderId,
        before: done.before,
        after: done.after,
      });
      return this.present(tender, record, done.challenges ?? (await this.challengesOf(em, tenderId)));
    });
  }

  private async recordOf(em: EntityManager, tenderId: string): Promise<Standstill> {
    const found = await em.getRepository(Standstill).findOne({ where: { tenderId } });
    return (
      found ??
      em.getRepository(Standstill).create({
        tenderId,
        nation: 'england-and-wales',
        kind: 'mandatory',
        noticePublishedAt: null,
        endsAt: null,
        contractEnteredAt: null,
        terminationNoticePublishedAt: null,
      })
    );
  }

  private challengesOf(em: EntityManager, tenderId: string): Promise<StandstillChallenge[]> {
    return em.getRepository(StandstillChallenge).find({ where: { tenderId }, order: { receivedAt: 'ASC' } });
  }

  private present(tender: Tender, record: Standstill, challenges: StandstillChallenge[]): StandstillResponse {
    const period =
      record.noticePublishedAt && record.kind !== 'none' ? standstillPeriod(record.noticePublishedAt, record.nation) : null;
    const notYet = contractEntryRefusal(entryState(tender, record, challenges), this.clock.now());
    return {
      tenderId: tender.id,
      nation: record.nation,
      kind: record.kind,
      noticePublishedAt: record.noticePublishedAt?.toISOString() ?? null,
      standstillEndsAt: record.endsAt?.toISOString() ?? null,
      workingDays: period?.workingDays ?? [],
      skippedDays: period?.skipped ?? [],
      challenges: challenges.map((challenge) => ({
        id: challenge.id,
        receivedAt: challenge.receivedAt.toISOString(),
        summary: challenge.summary,
        liftedAt: challenge.liftedAt?.toISOString() ?? null,
        liftedReason: challenge.liftedReason,
      })),
      canEnterContract: notYet === null,
      notYet: record.contractEnteredAt ? null : notYet,
      contractEnteredAt: record.contractEnteredAt?.toISOString() ?? null,
      retainUntil: record.contractEnteredAt ? retainUntil(record.contractEnteredAt).toISOString() : null,
      terminationNoticePublishedAt: record.terminationNoticePublishedAt?.toISOString() ?? null,
    };
  }

  private pastOrNow(value: string, field: string, what: string): Date {
    const at = new Date(value);
    if (at.getTime() > this.clock.now().getTime())
      throw fieldRule(field, `${what} cannot be dated in the future: give the date and time it happened.`);
    return at;
  }
}

interface Step {
  action: string;
  entityId?: string;
  before?: unknown;
  after: unknown;
  /** The tender's challenges, when the step read them and changed none. */
  challenges?: StandstillChallenge[];
}

/** What contract entry depends on (`contractEntryRefusal`), from the records already read. */
function entryState(tender: Tender, record: Standstill, challenges: readonly StandstillChallenge[]): ContractEntryState {
  return {
    awarded: tender.status === 'awarded',
    kind: record.kind,
    noticePublishedAt: record.noticePublishedAt,
    endsAt: record.endsAt,
    contractEnteredAt: record.contractEnteredAt,
    openChallenges: challenges.filter((challenge) => !challenge.liftedAt),
  };
}

function fieldRule(field: string, message: string): DomainError {
  return new DomainError('rule_violation', message, { errors: [{ field, message }] });
}
