import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import {
  EXPENSE_TYPES,
  MAX_EXPENSE_PENCE,
  MAX_LINE_MINUTES,
  MAX_RATE_PENCE,
  PAYMENT_ACTIVITIES,
  PAYMENT_CHOICES,
  RATE_BASES,
  type ExpenseType,
  type PaymentActivity,
  type PaymentChoice,
  type RateBasis,
} from '../domain/payment-rules';

export const MAX_NOTE = 1000;
const DATE_MESSAGE = 'Give the date as YYYY-MM-DD, for example 2027-02-12.';

/** One activity's rate. */
export class RateDto {
  @ApiProperty({ enum: RATE_BASES, example: 'hour', description: 'hour: minutes × rate / 60; session: the rate per line.' })
  @IsIn(RATE_BASES, { message: 'Choose whether the rate is per hour or per session.' })
  basis: RateBasis;

  @ApiProperty({ example: 2500, description: `Whole pence, 0 to ${MAX_RATE_PENCE} (£25 an hour is 2500).` })
  @IsInt({ message: 'Give the rate in whole pence, for example 2500 for £25.' })
  @Min(0, { message: 'A rate cannot be less than nothing.' })
  @Max(MAX_RATE_PENCE, { message: 'A rate can be at most £1,000.' })
  ratePence: number;
}

/** The tender's rates: one per activity; null or left out means the activity is not paid. */
export class SetRatesDto {
  @ApiPropertyOptional({ type: RateDto, nullable: true, example: { basis: 'hour', ratePence: 2500 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RateDto)
  preparation?: RateDto | null;

  @ApiPropertyOptional({ type: RateDto, nullable: true, example: { basis: 'hour', ratePence: 2500 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RateDto)
  reading?: RateDto | null;

  @ApiPropertyOptional({ type: RateDto, nullable: true, example: { basis: 'hour', ratePence: 2500 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RateDto)
  scoring?: RateDto | null;

  @ApiPropertyOptional({ type: RateDto, nullable: true, example: { basis: 'session', ratePence: 5000 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RateDto)
  meetings?: RateDto | null;
}

/** Time given, at the tender's current rate for the activity. */
export class ClaimTimeDto {
  @ApiProperty({ enum: PAYMENT_ACTIVITIES, example: 'reading' })
  @IsIn(PAYMENT_ACTIVITIES, { message: 'Choose what the time was for: preparation, reading, scoring or meetings.' })
  activity: PaymentActivity;

  @ApiProperty({ example: 90, description: `Whole minutes, 1 to ${MAX_LINE_MINUTES}.` })
  @IsInt({ message: 'Give the time in whole minutes, for example 90.' })
  @Min(1, { message: 'Give the time in whole minutes, at least 1.' })
  @Max(MAX_LINE_MINUTES, { message: 'One line is at most a day (1440 minutes); add another line for more.' })
  minutes: number;

  @ApiProperty({ example: '2027-02-12', description: 'The day, YYYY-MM-DD.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  occurredOn: string;

  @ApiPropertyOptional({ example: 'Read bids 1 to 3 at home.', description: `At most ${MAX_NOTE} characters.` })
  @IfPresent()
  @IsString()
  @MaxLength(MAX_NOTE)
  note?: string;
}

/** A cost paid back at what it cost. */
export class ClaimExpenseDto {
  @ApiProperty({ enum: EXPENSE_TYPES, example: 'travel' })
  @IsIn(EXPENSE_TYPES, { message: 'Choose the kind of cost: travel, care, support or other.' })
  expenseType: ExpenseType;

  @ApiProperty({ example: 640, description: `Whole pence, 1 to ${MAX_EXPENSE_PENCE}.` })
  @IsInt({ message: 'Give the amount in whole pence, for example 640 for £6.40.' })
  @Min(1, { message: 'Give an amount of at least 1p.' })
  @Max(MAX_EXPENSE_PENCE, { message: 'One cost is at most £5,000; ask the team about a larger one.' })
  amountPence: number;

  @ApiProperty({ example: '2027-02-12', description: 'The day, YYYY-MM-DD.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  occurredOn: string;

  @ApiProperty({
    example: 'Bus there and back, receipt kept.',
    description: `What the receipt shows, or why there is none. At most ${MAX_NOTE} characters.`,
  })
  @IsString()
  @NotBlank({ message: 'Say what the receipt shows, or why there is none.' })
  @MaxLength(MAX_NOTE)
  note: string;
}

/** The team turns a claimed line down, saying why. */
export class RejectLineDto {
  @ApiProperty({ example: 'This journey is claimed twice: see the line of 12 February.' })
  @IsString()
  @NotBlank({ message: 'Say why the line is not approved.' })
  @MaxLength(MAX_NOTE)
  reason: string;
}

/** The member's choice. */
export class PaymentChoiceDto {
  @ApiProperty({ enum: PAYMENT_CHOICES, example: 'vouchers' })
  @IsIn(PAYMENT_CHOICES, { message: 'Choose to be paid, to have vouchers, or not to be paid.' })
  choice: PaymentChoice;
}
