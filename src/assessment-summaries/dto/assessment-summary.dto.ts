import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsString, ValidateNested } from 'class-validator';
import { IsCalendarDate, MaxCharacters } from '../../bids/dto/bid-input.dto';
import { IfPresent } from '../../common/validators';

export const MAX_EXPLANATION_CHARS = 10_000;

export class SummaryExplanationInputDto {
  @ApiProperty({ example: 'Q1', description: 'The code or id of a scored criterion or the price criterion.' })
  @IsString()
  criterion: string;

  @ApiProperty({
    example: 'Your answer described a clear weekly routine, but said little about how people can change it.',
    description: `Words only, at most ${MAX_EXPLANATION_CHARS} characters: the scores are printed by the service beside them. May be empty.`,
  })
  @IsString()
  @MaxCharacters(MAX_EXPLANATION_CHARS)
  text: string;
}

/** New words for a summary: the criteria named are replaced, the others kept; a new version either way. */
export class WriteSummaryWordsDto {
  @ApiPropertyOptional({
    type: [SummaryExplanationInputDto],
    example: [{ criterion: 'Q1', text: 'Your answer described a clear weekly routine.' }],
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(300)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SummaryExplanationInputDto)
  explanations?: SummaryExplanationInputDto[];

  @ApiPropertyOptional({
    example: 'Your tender was not the most advantageous tender. Thank you for taking part.',
    description: `The summary's opening words, at most ${MAX_EXPLANATION_CHARS} characters.`,
  })
  @IfPresent()
  @IsString()
  @MaxCharacters(MAX_EXPLANATION_CHARS)
  overall?: string;
}

export class RecordSummarySentDto {
  @ApiProperty({
    example: '2026-12-04',
    description: 'The day the summary was sent to the supplier (YYYY-MM-DD, not in the future).',
  })
  @IsCalendarDate({ message: 'Give the day it was sent as YYYY-MM-DD, for example 2026-12-04.' })
  sentOn: string;
}
