import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { PAYMENT_CHOICES, type PaymentChoice } from '../../payments/domain/payment-rules';
import { ACTIVITY_WORDS, CHOICE_WORDS, EXPENSE_WORDS } from '../../payments/domain/payment-wording';
import type { LedgerResponse } from '../../payments/dto/payment.response';
import { PaymentsService } from '../../payments/payments.service';
import { addError, noErrors, type FormErrors } from '../form';
import { HelpDirectory } from '../help-directory.service';
import { pageError } from '../web-error.filter';
import { formValue, PageCaller, WebPages } from '../web-page';
import { EXPENSE_FIELDS, expenseFrom, valuesOf, type FormValues } from './payment-forms';
import { dayInWords, lineView, totalsInWords } from './payment-view';

const PROFESSIONAL = pageError(404, {
  pageTitle: 'Payment is through your employer',
  lines: [
    'You are on this panel as a professional, so you take part in your work time and your employer pays you.',
    'If that is not right, ask the team.',
  ],
});

/**
 * "Payment for your time" (issue 17 part 6), in the member's own panel session: the choice
 * (paid, vouchers, no payment) stated plainly with where to get benefits advice, their own
 * ledger, and a form to claim a cost. PaymentsService answers for the member's own seat only.
 */
@WebPages('panel')
export class PaymentMemberPagesController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly help: HelpDirectory,
  ) {}

  @Get(':tenderId/payment')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('done') done: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    this.render(res, await this.mine(caller, tenderId), {}, noErrors(), done);
  }

  @Post(':tenderId/payment/choice')
  async choose(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const choice = formValue(body, 'choice');
    if ((PAYMENT_CHOICES as readonly string[]).includes(choice)) {
      try {
        await this.payments.choose(caller, tenderId, 'mine', { choice: choice as PaymentChoice });
      } catch (error) {
        throw professional(error);
      }
      return res.redirect(303, `/panel/${tenderId}/payment?done=choice`);
    }
    const form = addError(noErrors(), 'choice', 'Choose how you want to be paid, or that you do not want to be paid', 'choice');
    this.render(res.status(400), await this.mine(caller, tenderId), {}, form, undefined);
  }

  @Post(':tenderId/payment/costs')
  async claimCost(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const values = valuesOf(body, EXPENSE_FIELDS);
    const { dto, form } = expenseFrom(values);
    if (form.errors.length === 0) {
      try {
        await this.payments.claimExpense(caller, tenderId, 'mine', dto);
        return res.redirect(303, `/panel/${tenderId}/payment?done=cost`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'validation') throw professional(error);
        addError(form, 'occurredOn', 'Enter a date that exists, like 12 2 2027', 'expense-date-day');
      }
    }
    this.render(res.status(400), await this.mine(caller, tenderId), values, form, undefined);
  }

  private async mine(caller: Caller, tenderId: string): Promise<LedgerResponse> {
    try {
      return await this.payments.myLedger(caller, tenderId);
    } catch (error) {
      throw professional(error);
    }
  }

  private async frame(res: Response, tenderId: string): Promise<void> {
    res.locals.homeUrl = `/panel/${tenderId}`;
    res.locals.organisationName = await this.help.buyerOf(tenderId);
  }

  private render(res: Response, ledger: LedgerResponse, expense: FormValues, form: FormErrors, done: string | undefined): void {
    res.render('payments/views/member-payment.njk', {
      pageTitle: 'Payment for your time',
      ledger,
      done:
        done === 'choice'
          ? 'Your choice is saved. You can change it at any time.'
          : done === 'cost'
            ? 'Your cost is sent to the team to approve.'
            : null,
      choiceWords: ledger.choice ? CHOICE_WORDS[ledger.choice].label : null,
      choiceDate: ledger.choiceAt ? dayInWords(ledger.choiceAt.slice(0, 10)) : null,
      choices: PAYMENT_CHOICES.map((value) => ({
        value,
        text: CHOICE_WORDS[value].label,
        hint: { text: CHOICE_WORDS[value].hint },
        checked: ledger.choice === value,
      })),
      rates: ledger.rates,
      activityWords: ACTIVITY_WORDS,
      lines: ledger.lines.map(lineView),
      totals: totalsInWords(ledger.totals),
      expenseTypes: Object.entries(EXPENSE_WORDS).map(([value, text]) => ({
        value,
        text,
        checked: expense.expenseType === value,
      })),
      expense,
      ...form,
    });
  }
}

/** A professional's seat has no ledger: a page that says so in plain words. */
function professional(error: unknown): unknown {
  return error instanceof DomainError && error.code === 'rule_violation' ? PROFESSIONAL : error;
}
