import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import type { PanelMember } from '../panel/panel-member.entity';
import { PanelDirectory } from '../panel/panel-directory.service';
import { seatContact } from '../panel/domain/panel-rules';
import {
  decisionProblem,
  isCalendarDate,
  ledgerTotals,
  addTotals,
  mayHaveLedger,
  PAYMENT_ACTIVITIES,
  paymentReferenceFrom,
  timeAmountPence,
} from './domain/payment-rules';
import { paymentSentence } from './domain/payment-wording';
import type { ClaimExpenseDto, ClaimTimeDto, PaymentChoiceDto, RejectLineDto, SetRatesDto } from './dto/payment.dto';
import type { LedgerResponse, RatesResponse, TenderPaymentsResponse } from './dto/payment.response';
import { LedgerLine } from './ledger-line.entity';
import { PaymentAccount } from './payment-account.entity';
import { accountOf, accountsOf, lineOf, linesOf, ratesOf } from './payment-ledger';
import { PaymentRate } from './payment-rate.entity';
import { ledgerResponse, rateResponses } from './payments-view';

/** Who is acting on a ledger: the tender's team, or the member on their own. */
type Actor = { as: 'team' } | { as: 'member' };

const noLedger = (field = 'memberId'): DomainError =>
  new DomainError(
    'rule_violation',
    'Only lived-experience members have a payment ledger: professionals take part in their work time and are paid by their employer.',
    { errors: [{ field, message: 'Only lived-experience members have a payment ledger.' }] },
  );

/**
 * Payment for involvement (docs/PANEL.md "Payment for involvement"): the tender's rates, each
 * lay member's ledger of time and expenses, the team's approvals and the member's choice. Every
 * change commits with its audit row; the audit records member ids and amounts, never names.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly panel: PanelDirectory,
  ) {}

  /* ------------------------------------------------------------- rates ---------- */

  async rates(caller: Caller, tenderId: string): Promise<RatesResponse> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'view');
      return this.ratesResponse(tenderId, await ratesOf(em, tenderId));
    });
  }

  async setRates(caller: Caller, tenderId: string, dto: SetRatesDto): Promise<RatesResponse> {
    return this.db.transaction(async (em) => {
      await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      const before = await ratesOf(em, tenderId);
      const repo = em.getRepository(PaymentRate);
      const now = this.clock.now();
      for (const activity of PAYMENT_ACTIVITIES) {
        const given = dto[activity] ?? null;
        const existing = before.find((rate) => rate.activity === activity);
        if (!given) {
          if (existing) await repo.delete({ id: existing.id });
          continue;
        }
        await repo.save({
          id: existing?.id ?? newId(),
          tenderId,
          activity,
          basis: given.basis,
          ratePence: given.ratePence,
          updatedAt: now,
          updatedById: caller.id,
        });
      }
      const after = await ratesOf(em, tenderId);
      const plain = (rates: PaymentRate[]) => rates.map(({ activity, basis, ratePence }) => ({ activity, basis, ratePence }));
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'payment_rates.set',
        entityType: 'payment_rates',
        entityId: tenderId,
        tenderId,
        before: plain(before),
        after: plain(after),
      });
      return this.ratesResponse(tenderId, after);
    });
  }

  /** The sentence about payment for a member's letter (issue 17 part 3): the tender's rates in words, or the default. */
  async letterSentence(tenderId: string, group: string = 'lived_experience'): Promise<string | null> {
    return this.db.read(async (em) => paymentSentence(await ratesOf(em, tenderId), group));
  }

  /* ------------------------------------------------------------- reads ---------- */

  async tenderPayments(caller: Caller, tenderId: string): Promise<TenderPaymentsResponse> {
    return this.db.read(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      const panel = await this.panel.members(em, tenderId);
      const members = panel.filter((member) => mayHaveLedger(member.group));
      const names = this.panel.namesOnRecord(panel);
      const [rates, lines, accounts] = await Promise.all([
        ratesOf(em, tenderId),
        linesOf(em, tenderId),
        accountsOf(
          em,
          members.map((member) => member.id),
        ),
      ]);
      const summaries = members.map((member) => {
        const account = accounts.find((candidate) => candidate.panelMemberId === member.id) ?? null;
        return {
          panelMemberId: member.id,
          name: nameOf(member),
          recordName: names.get(member.id) ?? '',
          paymentReference: account?.reference ?? null,
          choice: account?.choice ?? null,
          totals: ledgerTotals(lines.filter((line) => line.panelMemberId === member.id)),
        };
      });
      return {
        tenderId,
        rates: rateResponses(rates),
        members: summaries,
        totals: addTotals(summaries.map((summary) => summary.totals)),
      };
    });
  }

  async memberLedger(caller: Caller, tenderId: string, memberId: string): Promise<LedgerResponse> {
    return this.db.transaction(async (em) => {
      await this.access.require(em, caller, tenderId, 'team');
      return this.ledger(em, tenderId, await this.layMember(em, tenderId, memberId));
    });
  }

  async myLedger(caller: Caller, tenderId: string): Promise<LedgerResponse> {
    return this.db.transaction(async (em) => this.ledger(em, tenderId, await this.mySeat(em, caller, tenderId)));
  }

  /* ------------------------------------------------------------- claims ---------- */

  async claimTime(caller: Caller, tenderId: string, memberId: string | 'mine', dto: ClaimTimeDto): Promise<LedgerResponse> {
    assertDate(dto.occurredOn);
    return this.db.transaction(async (em) => {
      const { member, actor } = await this.target(em, caller, tenderId, memberId);
      const rate = (await ratesOf(em, tenderId)).find((candidate) => candidate.activity === dto.activity);
      if (!rate || rate.ratePence === 0) {
        const message = 'The tender has no rate for this activity yet: the team sets the rates first.';
        throw new DomainError('rule_violation', message, { errors: [{ field: 'activity', message }] });
      }
      const line = await this.insert(em, caller, member, {
        kind: 'time',
        occurredOn: dto.occurredOn,
        activity: dto.activity,
        minutes: dto.minutes,
        ratePence: rate.ratePence,
        rateBasis: rate.basis,
        amountPence: timeAmountPence(dto.minutes, rate.ratePence, rate.basis),
        note: dto.note?.trim() || null,
      });
      await this.recordLine(em, caller, line, actor);
      return this.ledger(em, tenderId, member);
    });
  }

  async claimExpense(caller: Caller, tenderId: string, memberId: string | 'mine', dto: ClaimExpenseDto): Promise<LedgerResponse> {
    assertDate(dto.occurredOn);
    return this.db.transaction(async (em) => {
      const { member, actor } = await this.target(em, caller, tenderId, memberId);
      const line = await this.insert(em, caller, member, {
        kind: 'expense',
        occurredOn: dto.occurredOn,
        expenseType: dto.expenseType,
        amountPence: dto.amountPence,
        note: dto.note.trim(),
      });
      await this.recordLine(em, caller, line, actor);
      return this.ledger(em, tenderId, member);
    });
  }

  /* ------------------------------------------------------------- decisions ---------- */

  async approve(caller: Caller, tenderId: string, lineId: string): Promise<LedgerResponse> {
    return this.decide(caller, tenderId, lineId, 'approved', null);
  }

  async reject(caller: Caller, tenderId: string, lineId: string, dto: RejectLineDto): Promise<LedgerResponse> {
    return this.decide(caller, tenderId, lineId, 'rejected', dto.reason.trim());
  }

  private async decide(
    caller: Caller,
    tenderId: string,
    lineId: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<LedgerResponse> {
    return this.db.transaction(async (em) => {
      await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      const line = await lineOf(em, tenderId, lineId);
      if (!line) throw new DomainError('not_found', 'Ledger line not found.');
      const problem = decisionProblem(line.status);
      if (problem) throw new DomainError('invalid_state', problem, { currentStatus: line.status });
      const now = this.clock.now();
      // Conditional on the line still being claimed: of two decisions at once, one wins.
      const result = await em
        .getRepository(LedgerLine)
        .update({ id: line.id, status: 'claimed' }, { status, decidedById: caller.id, decidedAt: now, rejectionReason: reason });
      if (result.affected !== 1) throw new DomainError('invalid_state', 'This line was decided a moment ago; look again.');
      await this.audit.record(em, {
        actorId: caller.id,
        action: status === 'approved' ? 'payment_line.approved' : 'payment_line.rejected',
        entityType: 'payment_line',
        entityId: line.id,
        tenderId,
        before: { status: 'claimed' },
        after: { panelMemberId: line.panelMemberId, status, amountPence: line.amountPence, reason },
      });
      return this.ledger(em, tenderId, await this.layMember(em, tenderId, line.panelMemberId));
    });
  }

  /* ------------------------------------------------------------- the choice ---------- */

  async choose(caller: Caller, tenderId: string, memberId: string | 'mine', dto: PaymentChoiceDto): Promise<LedgerResponse> {
    return this.db.transaction(async (em) => {
      const { member, actor } = await this.target(em, caller, tenderId, memberId);
      const account = await this.accountFor(em, member);
      const before = account.choice;
      if (before !== dto.choice) {
        await em
          .getRepository(PaymentAccount)
          .update({ panelMemberId: member.id }, { choice: dto.choice, choiceAt: this.clock.now(), choiceById: caller.id });
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'payment_choice.recorded',
          entityType: 'panel_member',
          entityId: member.id,
          tenderId,
          before: { choice: before },
          after: { choice: dto.choice, recordedBy: actor.as },
        });
      }
      return this.ledger(em, tenderId, member);
    });
  }

  /* ------------------------------------------------------------- helpers ---------- */

  private ratesResponse(tenderId: string, rates: PaymentRate[]): RatesResponse {
    return { tenderId, rates: rateResponses(rates), letterSentence: paymentSentence(rates) ?? '' };
  }

  private async ledger(em: EntityManager, tenderId: string, member: PanelMember): Promise<LedgerResponse> {
    const [account, rates, lines, names] = [
      await this.accountFor(em, member),
      await ratesOf(em, tenderId),
      await linesOf(em, tenderId, member.id),
      await this.panel.recordNames(em, tenderId),
    ];
    return ledgerResponse({ member, name: nameOf(member), recordName: names.get(member.id) ?? '', account, rates, lines });
  }

  /** Who the claim or choice is for: the team names a lay member; a member acts on their own seat. */
  private async target(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    memberId: string | 'mine',
  ): Promise<{ member: PanelMember; actor: Actor }> {
    if (memberId === 'mine') return { member: await this.mySeat(em, caller, tenderId), actor: { as: 'member' } };
    await this.access.require(em, caller, tenderId, 'team');
    return { member: await this.layMember(em, tenderId, memberId), actor: { as: 'team' } };
  }

  private async mySeat(em: EntityManager, caller: Caller, tenderId: string): Promise<PanelMember> {
    const { member } = await this.access.requirePanelMember(em, caller, tenderId);
    if (!mayHaveLedger(member.group)) throw noLedger('panelMemberId');
    return this.layMember(em, tenderId, member.id);
  }

  private async layMember(em: EntityManager, tenderId: string, memberId: string): Promise<PanelMember> {
    const member = (await this.panel.members(em, tenderId)).find((candidate) => candidate.id === memberId);
    if (!member) throw new DomainError('not_found', 'Panel member not found.');
    if (!mayHaveLedger(member.group)) throw noLedger();
    return member;
  }

  /** The member's payment account, made with a fresh payment reference the first time. */
  private async accountFor(em: EntityManager, member: PanelMember): Promise<PaymentAccount> {
    const existing = await accountOf(em, member.id);
    if (existing) return existing;
    const account: PaymentAccount = {
      panelMemberId: member.id,
      tenderId: member.tenderId,
      reference: paymentReferenceFrom(randomBytes(8)),
      choice: null,
      choiceAt: null,
      choiceById: null,
      createdAt: this.clock.now(),
    };
    await em.getRepository(PaymentAccount).insert(account);
    return account;
  }

  private async insert(
    em: EntityManager,
    caller: Caller,
    member: PanelMember,
    fields: Pick<LedgerLine, 'kind' | 'occurredOn' | 'amountPence' | 'note'> & Partial<LedgerLine>,
  ): Promise<LedgerLine> {
    await this.accountFor(em, member);
    const line: LedgerLine = {
      id: newId(),
      tenderId: member.tenderId,
      panelMemberId: member.id,
      activity: null,
      minutes: null,
      ratePence: null,
      rateBasis: null,
      expenseType: null,
      status: 'claimed',
      claimedById: caller.id,
      claimedAt: this.clock.now(),
      decidedById: null,
      decidedAt: null,
      rejectionReason: null,
      ...fields,
    };
    await em.getRepository(LedgerLine).insert(line);
    return line;
  }

  private recordLine(em: EntityManager, caller: Caller, line: LedgerLine, actor: Actor): Promise<unknown> {
    const { panelMemberId, kind, occurredOn, activity, minutes, ratePence, rateBasis, expenseType, amountPence } = line;
    return this.audit.record(em, {
      actorId: caller.id,
      action: 'payment_line.claimed',
      entityType: 'payment_line',
      entityId: line.id,
      tenderId: line.tenderId,
      after: {
        panelMemberId,
        kind,
        occurredOn,
        activity,
        minutes,
        ratePence,
        rateBasis,
        expenseType,
        amountPence,
        claimedBy: actor.as,
      },
    });
  }
}

function nameOf(member: PanelMember): string {
  return member.user ? seatContact(member, member.user).name : (member.contactName ?? '');
}

function assertDate(occurredOn: string): void {
  if (isCalendarDate(occurredOn)) return;
  const message = 'Give a date that exists, as YYYY-MM-DD, for example 2027-02-12.';
  throw new DomainError('validation', message, { errors: [{ field: 'occurredOn', message }] });
}
