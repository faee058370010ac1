import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPENSE_TYPES,
  LEDGER_LINE_KINDS,
  LEDGER_LINE_STATUSES,
  PAYMENT_ACTIVITIES,
  PAYMENT_CHOICES,
  RATE_BASES,
  type ExpenseType,
  type LedgerLineKind,
  type LedgerLineStatus,
  type PaymentActivity,
  type PaymentChoice,
  type RateBasis,
} from '../domain/payment-rules';

export class RateResponse {
  @ApiProperty({ enum: PAYMENT_ACTIVITIES, example: 'scoring' }) activity: PaymentActivity;
  @ApiProperty({ enum: RATE_BASES, example: 'hour' }) basis: RateBasis;
  @ApiProperty({ example: 2500 }) ratePence: number;
  @ApiProperty({ example: '£25 an hour' }) inWords: string;
}

export class RatesResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({
    type: [RateResponse],
    description: 'The activities that are paid, in the order preparation, reading, scoring, meetings.',
  })
  rates: RateResponse[];
  @ApiProperty({
    example:
      'You will be paid £25 an hour for your time, or you can choose vouchers or no payment. Your travel and other costs are paid back too.',
    description: 'The sentence a lay member’s letter carries.',
  })
  letterSentence: string;
}

export class StatusTotalsResponse {
  @ApiProperty({ example: 3750 }) claimed: number;
  @ApiProperty({ example: 7500 }) approved: number;
  @ApiProperty({ example: 0 }) rejected: number;
}

/** Exact sums in pence by status. */
export class LedgerTotalsResponse {
  @ApiProperty({ type: StatusTotalsResponse, example: { claimed: 3750, approved: 7500, rejected: 0 } })
  time: StatusTotalsResponse;
  @ApiProperty({ type: StatusTotalsResponse, example: { claimed: 0, approved: 640, rejected: 0 } })
  expenses: StatusTotalsResponse;
  @ApiProperty({ type: StatusTotalsResponse, example: { claimed: 3750, approved: 8140, rejected: 0 } }) all: StatusTotalsResponse;
}

export class LedgerLineResponse {
  @ApiProperty({ example: '5d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f' }) id: string;
  @ApiProperty({ enum: LEDGER_LINE_KINDS, example: 'time' }) kind: LedgerLineKind;
  @ApiProperty({ example: '2027-02-12' }) occurredOn: string;
  @ApiPropertyOptional({ enum: PAYMENT_ACTIVITIES, nullable: true, example: 'reading' }) activity: PaymentActivity | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 90 }) minutes: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2500, description: 'The rate the line was claimed at.' })
  ratePence: number | null;
  @ApiPropertyOptional({ enum: RATE_BASES, nullable: true, example: 'hour' }) rateBasis: RateBasis | null;
  @ApiPropertyOptional({ enum: EXPENSE_TYPES, nullable: true, example: null }) expenseType: ExpenseType | null;
  @ApiProperty({ example: 3750, description: 'Integer pence; for time, minutes × rate / 60 rounded half up to the penny.' })
  amountPence: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Read bids 1 to 3 at home.' }) note: string | null;
  @ApiProperty({ enum: LEDGER_LINE_STATUSES, example: 'approved' }) status: LedgerLineStatus;
  @ApiProperty({ example: '2027-02-12T16:00:00.000Z', format: 'date-time' }) claimedAt: string;
  @ApiProperty({ example: true, description: 'Claimed by the member themselves (false: entered by the team).' })
  claimedByMember: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-02-13T09:00:00.000Z' })
  decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) rejectionReason: string | null;
}

/** One lay member's ledger: the team's view, or the member's own. */
export class LedgerResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' }) panelMemberId: string;
  @ApiProperty({ example: 'Sam Rivera', description: 'The name the team typed (or the account’s, once accepted).' }) name: string;
  @ApiProperty({ example: 'Lived experience 1', description: 'How the record names the member (never in the finance CSV).' })
  recordName: string;
  @ApiProperty({ example: 'PAY-7K4M9XPR', description: 'The reference finance pays against: unrelated to the pseudonym.' })
  paymentReference: string;
  @ApiPropertyOptional({ enum: PAYMENT_CHOICES, nullable: true, example: 'paid', description: 'Null until chosen.' })
  choice: PaymentChoice | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-02-10T12:00:00.000Z' })
  choiceAt: string | null;
  @ApiProperty({ type: [RateResponse] }) rates: RateResponse[];
  @ApiProperty({ type: [LedgerLineResponse], description: 'Oldest first.' }) lines: LedgerLineResponse[];
  @ApiProperty({ type: LedgerTotalsResponse }) totals: LedgerTotalsResponse;
}

export class MemberPaymentSummaryResponse {
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' }) panelMemberId: string;
  @ApiProperty({ example: 'Sam Rivera' }) name: string;
  @ApiProperty({ example: 'Lived experience 1' }) recordName: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'PAY-7K4M9XPR',
    description: 'Null until the first line or choice.',
  })
  paymentReference: string | null;
  @ApiPropertyOptional({ enum: PAYMENT_CHOICES, nullable: true, example: 'paid' }) choice: PaymentChoice | null;
  @ApiProperty({ type: LedgerTotalsResponse }) totals: LedgerTotalsResponse;
}

/** The tender's payments: every lived-experience member's totals and the tender's. */
export class TenderPaymentsResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ type: [RateResponse] }) rates: RateResponse[];
  @ApiProperty({ type: [MemberPaymentSummaryResponse], description: 'Lived-experience members in join order.' })
  members: MemberPaymentSummaryResponse[];
  @ApiProperty({ type: LedgerTotalsResponse }) totals: LedgerTotalsResponse;
}
