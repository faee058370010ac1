import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LETTER_FORMATS, type LetterFormat } from '../domain/letter-formats';

export class LetterFormatQuery {
  @ApiPropertyOptional({
    enum: LETTER_FORMATS,
    example: 'large-print',
    description: 'standard (12pt body) or large-print (16pt body, more space). Left out: the member’s preferred format.',
  })
  @IsOptional()
  @IsIn(LETTER_FORMATS, { message: `Format must be one of: ${LETTER_FORMATS.join(', ')}.` })
  format?: LetterFormat;
}
