import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  Matches,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IfPresent, MaxDecimals, NotBlank } from '../../common/validators';
import {
  AGGREGATIONS,
  DEFAULT_SETTINGS,
  OPENING_APPROVALS,
  PRICE_FORMULAS,
  TIE_BREAKS,
  type Aggregation,
  type OpeningApprovals,
  type PriceFormula,
  type TieBreak,
} from '../domain/tender-settings';

export class ScaleLabelDto {
  @ApiProperty({ example: 'Good' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  label: string;

  @ApiProperty({ example: 'Answers it well, with evidence' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  plainLabel: string;
}

const LABEL_LIMITS = { label: 100, plainLabel: 200 } as const;

/**
 * What is wrong with a scale's labels, in plain words, or null: an object keyed by levels
 * of min..max written as whole numbers ("0", "1", …), each `{label, plainLabel}` of
 * non-blank text within the limits, nothing else.
 */
export function scaleLabelsProblem(labels: unknown, min: unknown, max: unknown): string | null {
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
    return 'Labels must be an object keyed by scale level, for example {"0": {"label": "Unacceptable", "plainLabel": "Does not answer the question"}}.';
  }
  const bounded = Number.isInteger(min) && Number.isInteger(max);
  for (const [level, value] of Object.entries(labels)) {
    if (!/^(0|[1-9]\d*)$/.test(level) || (bounded && (Number(level) < (min as number) || Number(level) > (max as number)))) {
      return bounded
        ? `"${level.slice(0, 20)}" is not a level of this scale: use whole numbers from ${String(min)} to ${String(max)}.`
        : `"${level.slice(0, 20)}" is not a scale level: use whole numbers such as "0" or "5".`;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return `The label for level ${level} must be an object with a label and a plainLabel.`;
    }
    const extra = Object.keys(value).filter((key) => !Object.hasOwn(LABEL_LIMITS, key));
    if (extra.length > 0)
      return `The label for level ${level} has fields that are not accepted: ${extra.join(', ').slice(0, 100)}. Give only label and plainLabel.`;
    for (const [key, limit] of Object.entries(LABEL_LIMITS)) {
      const text = (value as Record<string, unknown>)[key];
      if (typeof text !== 'string' || text.trim() === '') return `The ${key} of level ${level} must be some text.`;
      if ([...text].length > limit) return `The ${key} of level ${level} is too long: use at most ${limit} characters.`;
    }
  }
  return null;
}

function ScaleLabels(): PropertyDecorator {
  return ValidateBy({
    name: 'scaleLabels',
    validator: {
      validate: (value: unknown, args) =>
        scaleLabelsProblem(value, (args?.object as ScaleDto).min, (args?.object as ScaleDto).max) === null,
      defaultMessage: (args) =>
        scaleLabelsProblem(args?.value, (args?.object as ScaleDto).min, (args?.object as ScaleDto).max) ??
        'The labels are not valid.',
    },
  });
}

export class ScaleDto {
  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(100)
  min: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(100)
  max: number;

  @ApiPropertyOptional({
    description: 'A label per level, keyed by the level; levels left out get the defaults.',
    example: { '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' } },
  })
  @IfPresent()
  @ScaleLabels()
  labels?: Record<string, ScaleLabelDto>;
}

/** The scoring settings of API.md, shared by create and patch. All optional here. */
export class TenderSettingsDto {
  @ApiPropertyOptional({ type: ScaleDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => ScaleDto)
  scale?: ScaleDto;

  @ApiPropertyOptional({ enum: AGGREGATIONS, example: DEFAULT_SETTINGS.aggregation })
  @IfPresent()
  @IsIn(AGGREGATIONS)
  aggregation?: Aggregation;

  @ApiPropertyOptional({ example: true })
  @IfPresent()
  @IsBoolean()
  moderationRequired?: boolean;

  @ApiPropertyOptional({ enum: PRICE_FORMULAS, example: DEFAULT_SETTINGS.priceFormula })
  @IfPresent()
  @IsIn(PRICE_FORMULAS)
  priceFormula?: PriceFormula;

  @ApiPropertyOptional({ enum: TIE_BREAKS, example: DEFAULT_SETTINGS.tieBreak })
  @IfPresent()
  @IsIn(TIE_BREAKS)
  tieBreak?: TieBreak;

  @ApiPropertyOptional({ example: 2, description: 'Scale points; at most 2 decimals.' })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(100)
  divergenceThreshold?: number;

  @ApiPropertyOptional({ example: 2 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(100)
  minScorers?: number;

  @ApiPropertyOptional({ example: 0.8, description: 'A price below this × the mean eligible price is flagged.' })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(1)
  abnormallyLowRatio?: number;

  @ApiPropertyOptional({
    example: 1,
    description:
      'Points of 100, at most 2 decimals: a winning margin below it makes the results a close call (docs/SCORING.md §11.2). Default 1.',
  })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(100)
  closeCallMargin?: number;

  @ApiPropertyOptional({ example: false })
  @IfPresent()
  @IsBoolean()
  priceVisibleToPanel?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Bids shown to the panel as "Bid 1", "Bid 2", …' })
  @IfPresent()
  @IsBoolean()
  blindMarking?: boolean;

  @ApiPropertyOptional({
    example: false,
    description: 'Quorum also needs at least as many lived-experience members as professional ones.',
  })
  @IfPresent()
  @IsBoolean()
  equalRepresentation?: boolean;

  @ApiPropertyOptional({
    enum: [...OPENING_APPROVALS],
    example: 2,
    description: 'How many different team members must approve closing the tender (opening the box). Default 1.',
  })
  // Left out means "unchanged"; null is not a number of people (400).
  @IfPresent()
  @IsIn(OPENING_APPROVALS, {
    message: 'Opening approvals must be 1 or 2: how many different team members must approve opening the bids.',
  })
  openingApprovals?: OpeningApprovals;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-02-28T17:00:00.000Z',
    description:
      'When the panel must have finished scoring: from then on scores are no longer saved or submitted (409). After the bid deadline; null removes it. Changeable until the award.',
  })
  // null removes the deadline.
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  scoringDeadline?: string | null;

  @ApiPropertyOptional({
    example: 'Sam Okoye',
    description: 'Who to contact about this tender; shown on the panel\'s "Get help" page. Changeable until the award.',
  })
  @IfPresent()
  @IsString()
  @MaxLength(200)
  contactName?: string;

  @ApiPropertyOptional({ example: 'commissioning@camden.gov.uk' })
  @IfPresent()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ example: '020 7974 4444' })
  @IfPresent()
  @Matches(/^\+?[0-9 ()-]{6,40}$/, {
    message: 'The contact phone must be a phone number: digits, spaces, +, brackets and dashes only.',
  })
  contactPhone?: string;
}
