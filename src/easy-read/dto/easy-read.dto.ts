import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import {
  DEFAULT_HEADINGS,
  DEFAULT_WORD_LIMIT,
  MAX_HEADING_LENGTH,
  MAX_HEADINGS,
  MAX_SECTION_LENGTH,
  MAX_WORD_LIMIT,
  MIN_HEADINGS,
  MIN_WORD_LIMIT,
} from '../domain/template-rules';
import {
  DEFAULT_WORKING_DAYS,
  FACT_CHECK_DECISIONS,
  MAX_WORKING_DAYS,
  MIN_WORKING_DAYS,
  type FactCheckDecision,
} from '../domain/fact-check';

export const MAX_COMMENT = 4000;

/** The tender's one template for every bid's easy-read summary. */
export class EasyReadTemplateDto {
  @ApiProperty({
    example: [...DEFAULT_HEADINGS],
    description: `${MIN_HEADINGS} to ${MAX_HEADINGS} headings, each given once, in the order every summary has them.`,
  })
  @IsArray()
  @ArrayMinSize(MIN_HEADINGS)
  @ArrayMaxSize(MAX_HEADINGS)
  @IsString({ each: true })
  @NotBlank({ each: true, message: 'Write each heading, or take it out.' })
  @MaxLength(MAX_HEADING_LENGTH, { each: true })
  headings: string[];

  @ApiProperty({
    example: DEFAULT_WORD_LIMIT,
    description: `The most words under each heading, the same for every bid (${MIN_WORD_LIMIT}–${MAX_WORD_LIMIT}).`,
  })
  @IsInt()
  @Min(MIN_WORD_LIMIT)
  @Max(MAX_WORD_LIMIT)
  wordLimit: number;
}

export class SummarySectionDto {
  @ApiProperty({ example: DEFAULT_HEADINGS[0], description: 'The template’s heading at this place.' })
  @IsString()
  @MaxLength(MAX_HEADING_LENGTH)
  heading: string;

  @ApiProperty({
    example: 'They will run a drop-in café. It is open 5 days a week. You can come without an appointment.',
    description: 'At most the template’s word limit.',
  })
  @IsString()
  @MaxLength(MAX_SECTION_LENGTH)
  text: string;
}

/** A new version of a bid's summary: one part per heading of the template, in its order. */
export class WriteSummaryDto {
  @ApiProperty({ type: [SummarySectionDto] })
  @IsArray()
  @ArrayMaxSize(MAX_HEADINGS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SummarySectionDto)
  sections: SummarySectionDto[];
}

/** Send a version to the bidder to fact-check. */
export class SendForFactCheckDto {
  @ApiPropertyOptional({
    example: DEFAULT_WORKING_DAYS,
    description: `Working days (Monday to Friday) the bidder has to answer, ${MIN_WORKING_DAYS}–${MAX_WORKING_DAYS}; default ${DEFAULT_WORKING_DAYS}.`,
  })
  @IfPresent()
  @IsInt()
  @Min(MIN_WORKING_DAYS)
  @Max(MAX_WORKING_DAYS)
  workingDays?: number;
}

/** The bidder's answer: approve the summary, or comment on what is wrong. */
export class FactCheckResponseDto {
  @ApiProperty({ enum: FACT_CHECK_DECISIONS, example: 'comment' })
  @IsIn(FACT_CHECK_DECISIONS)
  decision: FactCheckDecision;

  @ApiPropertyOptional({
    example: 'We run the café 6 days a week, not 5.',
    description: `Required to comment; optional to approve. At most ${MAX_COMMENT} characters.`,
  })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(MAX_COMMENT)
  comment?: string;
}
