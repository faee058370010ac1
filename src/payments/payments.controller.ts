import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiProblems } from '../openapi/problem-details';
import { ClaimExpenseDto, ClaimTimeDto, PaymentChoiceDto, RejectLineDto, SetRatesDto } from './dto/payment.dto';
import { LedgerResponse, RatesResponse, TenderPaymentsResponse } from './dto/payment.response';
import { FinanceExportService } from './finance-export.service';
import { PaymentsService } from './payments.service';

const TEAM = 'The tender team (commissioner, procurement).';
const LAY_ONLY = 'The member is a professional: only lived-experience members have a payment ledger (memberId).';
const NO_RATE = 'The tender has no rate for this activity (activity).';

@ApiTags('payments')
@Controller('tenders/:tenderId')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly finance: FinanceExportService,
  ) {}

  @Get('payments/rates')
  @Auth()
  @ApiOperation({
    summary: 'The tender’s rates for lay members’ time',
    description: 'Anyone who sees the tender. Integer pence per hour or per session, per activity; the letters’ sentence.',
  })
  @ApiOkResponse({ type: RatesResponse })
  rates(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<RatesResponse> {
    return this.payments.rates(caller, tenderId);
  }

  @Put('payments/rates')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Set the tender’s rates',
    description: `${TEAM} Each activity’s rate, or null (not paid). Audited (payment_rates.set). Lines already claimed keep the rate they were claimed at.`,
  })
  @ApiOkResponse({ type: RatesResponse })
  setRates(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string, @Body() dto: SetRatesDto): Promise<RatesResponse> {
    return this.payments.setRates(caller, tenderId, dto);
  }

  @Get('payments')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Every lay member’s totals and the tender’s',
    description: `${TEAM} Exact sums in pence by status (claimed, approved, rejected), time and expenses.`,
  })
  @ApiOkResponse({ type: TenderPaymentsResponse })
  tenderPayments(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<TenderPaymentsResponse> {
    return this.payments.tenderPayments(caller, tenderId);
  }

  @Get('payments.csv')
  @Auth('commissioner', 'procurement')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The approved lines for finance (CSV)',
    description:
      `${TEAM} RFC 4180, UTF-8 with a byte order mark. Columns: paymentReference, name, paymentMethod, tenderReference, date, kind, ` +
      'item, minutes, rate, amount (pounds), amountPence, note, approvedAt. Names the person (finance pays people) but never a score, ' +
      'a pseudonym or a bid. The time of a member who declined payment is left out. Text that could start a formula is prefixed with ' +
      'a single quote. Recorded on the audit trail (payment_export.downloaded, with the SHA-256).',
  })
  @ApiProduces('text/csv')
  @ApiResponse({
    status: 200,
    description: 'The CSV file.',
    schema: { type: 'string', example: '\uFEFF"paymentReference","name",…\r\n"PAY-7K4M9XPR","Sam Rivera",…' },
  })
  financeCsv(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StreamableFile> {
    return this.finance.csv(caller, tenderId);
  }

  @Get('payments/members/:memberId')
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'One lay member’s ledger', description: `${TEAM} Lines oldest first, totals, the member’s choice.` })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 422: LAY_ONLY })
  memberLedger(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<LedgerResponse> {
    return this.payments.memberLedger(caller, tenderId, memberId);
  }

  @Post('payments/members/:memberId/time')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Enter time for a lay member',
    description: `${TEAM} At the tender’s current rate, stored on the line. Claimed until approved or rejected. Audited (payment_line.claimed).`,
  })
  @ApiCreatedResponse({ type: LedgerResponse })
  @ApiProblems({ 422: `${LAY_ONLY} Or: ${NO_RATE}` })
  teamTime(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() dto: ClaimTimeDto,
  ): Promise<LedgerResponse> {
    return this.payments.claimTime(caller, tenderId, memberId, dto);
  }

  @Post('payments/members/:memberId/expenses')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'Enter an expense for a lay member', description: `${TEAM} Audited (payment_line.claimed).` })
  @ApiCreatedResponse({ type: LedgerResponse })
  @ApiProblems({ 422: LAY_ONLY })
  teamExpense(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() dto: ClaimExpenseDto,
  ): Promise<LedgerResponse> {
    return this.payments.claimExpense(caller, tenderId, memberId, dto);
  }

  @Put('payments/members/:memberId/choice')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Record a lay member’s payment choice on their word',
    description: `${TEAM} For a member who told the team (by phone, on paper). Audited with who recorded it (payment_choice.recorded).`,
  })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 422: LAY_ONLY })
  teamChoice(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() dto: PaymentChoiceDto,
  ): Promise<LedgerResponse> {
    return this.payments.choose(caller, tenderId, memberId, dto);
  }

  @Post('payments/lines/:lineId/approve')
  @HttpCode(200)
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'Approve a claimed line', description: `${TEAM} Once. Audited (payment_line.approved).` })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 409: 'The line is approved or rejected already.' })
  approve(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('lineId') lineId: string,
  ): Promise<LedgerResponse> {
    return this.payments.approve(caller, tenderId, lineId);
  }

  @Post('payments/lines/:lineId/reject')
  @HttpCode(200)
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'Reject a claimed line, saying why', description: `${TEAM} Once. Audited (payment_line.rejected).` })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 409: 'The line is approved or rejected already.' })
  reject(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('lineId') lineId: string,
    @Body() dto: RejectLineDto,
  ): Promise<LedgerResponse> {
    return this.payments.reject(caller, tenderId, lineId, dto);
  }

  @Get('payments/mine')
  @Auth('panelist')
  @ApiOperation({
    summary: 'My payment ledger',
    description: 'A lived-experience member of the panel: their own lines, totals and choice; nobody else’s.',
  })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 422: 'A professional member: professionals have no payment ledger here (panelMemberId).' })
  mine(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<LedgerResponse> {
    return this.payments.myLedger(caller, tenderId);
  }

  @Post('payments/mine/time')
  @Idempotent()
  @Auth('panelist')
  @ApiOperation({ summary: 'Claim my time', description: 'A lived-experience member, at the tender’s current rate.' })
  @ApiCreatedResponse({ type: LedgerResponse })
  @ApiProblems({ 422: `A professional member, or: ${NO_RATE}` })
  myTime(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string, @Body() dto: ClaimTimeDto): Promise<LedgerResponse> {
    return this.payments.claimTime(caller, tenderId, 'mine', dto);
  }

  @Post('payments/mine/expenses')
  @Idempotent()
  @Auth('panelist')
  @ApiOperation({
    summary: 'Claim a cost',
    description: 'A lived-experience member: travel, care, support or other, with a receipt note.',
  })
  @ApiCreatedResponse({ type: LedgerResponse })
  @ApiProblems({ 422: 'A professional member.' })
  myExpense(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: ClaimExpenseDto,
  ): Promise<LedgerResponse> {
    return this.payments.claimExpense(caller, tenderId, 'mine', dto);
  }

  @Put('payments/mine/choice')
  @Auth('panelist')
  @ApiOperation({
    summary: 'Make or change my payment choice',
    description: 'paid, vouchers or declined; recorded with the date, changeable at any time. Audited (payment_choice.recorded).',
  })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems({ 422: 'A professional member.' })
  myChoice(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: PaymentChoiceDto,
  ): Promise<LedgerResponse> {
    return this.payments.choose(caller, tenderId, 'mine', dto);
  }
}
