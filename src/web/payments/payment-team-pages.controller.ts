import { Body, Get, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { PAYMENT_ACTIVITIES, poundsInWords, type PaymentChoice, PAYMENT_CHOICES } from '../../payments/domain/payment-rules';
import { ACTIVITY_WORDS, CHOICE_WORDS, EXPENSE_WORDS } from '../../payments/domain/payment-wording';
import type { LedgerResponse } from '../../payments/dto/payment.response';
import { FinanceExportService } from '../../payments/finance-export.service';
import { PaymentsService } from '../../payments/payments.service';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, submitForm, type FormErrors } from '../form';
import { teamTender } from '../team/team-frame';
import { formValue, PageCaller, WebPages } from '../web-page';
import {
  EXPENSE_FIELDS,
  expenseFrom,
  RATE_FIELDS,
  ratesFrom,
  rejectionFrom,
  TIME_FIELDS,
  timeFrom,
  valuesOf,
  type FormValues,
} from './payment-forms';
import { lineView, poundsForForm, totalsInWords } from './payment-view';

const DONE: Record<string, string> = {
  rates: 'The rates are saved. Lines already claimed keep the rate they were claimed at.',
  time: 'The time is added. It is waiting for approval.',
  expense: 'The cost is added. It is waiting for approval.',
  approved: 'The line is approved.',
  rejected: 'The line is not approved. The member sees your reason.',
  choice: 'The member’s choice is recorded.',
};

/**
 * The team's payment pages (issue 17 part 6): the rates and every lay member's totals, one
 * member's ledger with approvals, the finance CSV. Every action is PaymentsService's, as the API's.
 */
@WebPages('pages/tenders')
export class PaymentTeamPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly payments: PaymentsService,
    private readonly finance: FinanceExportService,
  ) {}

  @Get(':tenderId/payments')
  async overview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    await this.renderOverview(res, caller, tenderId, null, noErrors(), done);
  }

  @Post(':tenderId/payments/rates')
  async saveRates(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    const values = valuesOf(body, RATE_FIELDS);
    const { dto, form } = ratesFrom(values);
    if (form.errors.length === 0) {
      await this.payments.setRates(caller, tenderId, dto);
      return res.redirect(303, `/tenders/${tenderId}/payments?done=rates`);
    }
    await this.renderOverview(res.status(400), caller, tenderId, values, form, undefined);
  }

  @Get(':tenderId/payments.csv')
  async csv(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    return this.finance.csv(caller, tenderId);
  }

  @Get(':tenderId/payments/members/:memberId')
  async ledger(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    this.renderLedger(res, await this.memberLedger(caller, tenderId, memberId), {}, noErrors(), done);
  }

  @Post(':tenderId/payments/members/:memberId/time')
  addTime(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    return this.claim(caller, tenderId, memberId, res, 'time', valuesOf(body, TIME_FIELDS));
  }

  @Post(':tenderId/payments/members/:memberId/expenses')
  addExpense(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    return this.claim(caller, tenderId, memberId, res, 'expense', valuesOf(body, EXPENSE_FIELDS));
  }

  /** Time or a cost claimed for a member: the member's own claim, made by the team (PaymentsService, as the API). */
  private async claim(
    caller: Caller,
    tenderId: string,
    memberId: string,
    res: Response,
    kind: 'time' | 'expense',
    values: FormValues,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    const ledgerPage = `/tenders/${tenderId}/payments/members/${memberId}`;
    const { form, next } =
      kind === 'time'
        ? await this.claimTime(caller, tenderId, memberId, values, ledgerPage)
        : await this.claimExpense(caller, tenderId, memberId, values, ledgerPage);
    if (next) return res.redirect(303, next);
    const ledger = await this.memberLedger(caller, tenderId, memberId);
    this.renderLedger(res.status(400), ledger, { [kind]: values }, form, undefined);
  }

  private async claimTime(caller: Caller, tenderId: string, memberId: string, values: FormValues, ledgerPage: string) {
    const { dto, form } = timeFrom(values);
    const act = async () => {
      await this.payments.claimTime(caller, tenderId, memberId, dto);
      return `${ledgerPage}?done=time`;
    };
    const field = (name: string) => (name === 'activity' || name === 'occurredOn' ? name : null);
    return { form, next: await submitForm(form, act, { field, ids: { occurredOn: 'date-day' } }) };
  }

  private async claimExpense(caller: Caller, tenderId: string, memberId: string, values: FormValues, ledgerPage: string) {
    const { dto, form } = expenseFrom(values);
    const act = async () => {
      await this.payments.claimExpense(caller, tenderId, memberId, dto);
      return `${ledgerPage}?done=expense`;
    };
    const field = (name: string) => (name === 'occurredOn' ? name : null);
    return { form, next: await submitForm(form, act, { field, ids: { occurredOn: 'expense-date-day' } }) };
  }

  @Post(':tenderId/payments/members/:memberId/choice')
  async recordChoice(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    const choice = formValue(body, 'choice');
    if ((PAYMENT_CHOICES as readonly string[]).includes(choice)) {
      await this.payments.choose(caller, tenderId, memberId, { choice: choice as PaymentChoice });
      return res.redirect(303, `/tenders/${tenderId}/payments/members/${memberId}?done=choice`);
    }
    const ledger = await this.memberLedger(caller, tenderId, memberId);
    this.renderLedger(res.status(400), ledger, {}, addError(noErrors(), 'choice', 'Choose what the member told you'), undefined);
  }

  @Post(':tenderId/payments/lines/:lineId/:decision')
  async decide(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('lineId') lineId: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'payments');
    const memberId = formValue(body, 'memberId');
    if (decision !== 'approve' && decision !== 'reject') throw new DomainError('not_found', 'Page not found.');
    const form = noErrors();
    try {
      if (decision === 'approve') {
        const ledger = await this.payments.approve(caller, tenderId, lineId);
        return res.redirect(303, `/tenders/${tenderId}/payments/members/${ledger.panelMemberId}?done=approved`);
      }
      const { dto, form: problems } = rejectionFrom(valuesOf(body, ['reason']), lineId);
      if (problems.errors.length === 0) {
        const ledger = await this.payments.reject(caller, tenderId, lineId, dto);
        return res.redirect(303, `/tenders/${tenderId}/payments/members/${ledger.panelMemberId}?done=rejected`);
      }
      Object.assign(form, problems);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      addError(form, `line-${lineId}`, error.detail, `line-${lineId}`);
    }
    const ledger = await this.memberLedger(caller, tenderId, memberId);
    this.renderLedger(res.status(400), ledger, {}, form, undefined);
  }

  private async memberLedger(caller: Caller, tenderId: string, memberId: string): Promise<LedgerResponse> {
    try {
      return await this.payments.memberLedger(caller, tenderId, memberId);
    } catch (error) {
      // A professional has no ledger: as far as the pages go, there is no such page.
      if (error instanceof DomainError && error.code === 'rule_violation') throw new DomainError('not_found', 'Page not found.');
      throw error;
    }
  }

  private async renderOverview(
    res: Response,
    caller: Caller,
    tenderId: string,
    values: FormValues | null,
    form: FormErrors,
    done: string | undefined,
  ): Promise<void> {
    const payments = await this.payments.tenderPayments(caller, tenderId);
    const rateValues: FormValues = values ?? {};
    if (!values) {
      for (const rate of payments.rates) {
        rateValues[`${rate.activity}-pounds`] = poundsForForm(rate.ratePence);
        rateValues[`${rate.activity}-basis`] = rate.basis;
      }
    }
    res.render('payments/views/team-payments.njk', {
      pageTitle: 'Payments',
      tenderId,
      done: done ? (DONE[done] ?? null) : null,
      activities: PAYMENT_ACTIVITIES.map((activity) => ({
        activity,
        words: ACTIVITY_WORDS[activity],
        pounds: rateValues[`${activity}-pounds`] ?? '',
        basis: rateValues[`${activity}-basis`] || 'hour',
      })),
      members: payments.members.map((member) => ({
        ...member,
        choiceWords: member.choice ? CHOICE_WORDS[member.choice].label : 'Not chosen yet',
        money: totalsInWords(member.totals),
      })),
      totals: totalsInWords(payments.totals),
      hasApproved: payments.totals.all.approved > 0,
      ...form,
    });
  }

  private renderLedger(
    res: Response,
    ledger: LedgerResponse,
    values: { time?: FormValues; expense?: FormValues },
    form: FormErrors,
    done: string | undefined,
  ): void {
    const lines = ledger.lines.map(lineView);
    res.render('payments/views/team-ledger.njk', {
      pageTitle: `Payments for ${ledger.name}`,
      ledger,
      done: done ? (DONE[done] ?? null) : null,
      lines,
      waiting: lines.filter((line) => line.claimed),
      totals: totalsInWords(ledger.totals),
      choiceWords: ledger.choice ? CHOICE_WORDS[ledger.choice].label : null,
      activities: ledger.rates.map((rate) => ({
        value: rate.activity,
        text: `${capitalise(ACTIVITY_WORDS[rate.activity])} (${rate.inWords})`,
      })),
      expenseTypes: Object.entries(EXPENSE_WORDS).map(([value, text]) => ({ value, text })),
      choices: PAYMENT_CHOICES.map((value) => ({ value, text: CHOICE_WORDS[value].label, checked: ledger.choice === value })),
      time: values.time ?? {},
      expense: values.expense ?? {},
      approvedInWords: poundsInWords(ledger.totals.all.approved),
      ...form,
    });
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
