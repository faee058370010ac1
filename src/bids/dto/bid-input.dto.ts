import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { MaxDecimals, NotBlank } from '../../common/validators';
import { COMMITMENT_DECIMALS, isCalendarDate, MAX_COMMITMENT_MAGNITUDE, MAX_RESPONSE_CHARS } from '../domain';

/** At most `max` characters counted as a reader does (code points), not UTF-16 units. */
export function MaxCharacters(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCharacters',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && [...value].length <= max,
        defaultMessage: (args) => `${args?.property} must have at most ${max} characters`,
      },
    },
    options,
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

export class BidAnswerInputDto {
  @ApiProperty({ example: 'Q1', description: "The leaf criterion's code or id (not a section, not the price criterion)." })
  @IsString()
  @NotBlank()
  @MaxLength(64)
  criterion: string;

  @ApiProperty({
    example:
      'Our day service is co-designed with members: a weekly members\u2019 meeting sets the programme, and peer workers with lived experience run half the groups.',
    description: `At most ${MAX_RESPONSE_CHARS} characters, and at most the criterion's maxWords (words split on whitespace). An empty text means no response (on an edit: removes it).`,
  })
  @IsString()
  @MaxCharacters(MAX_RESPONSE_CHARS)
  text: string;
}

export class CommitmentInputDto {
  @ApiPropertyOptional({
    type: String,
    example: 'SV1',
    nullable: true,
    description: 'Code or id of the wider-outcome criterion (social, economic or environmental) this commitment answers.',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(64)
  criterion?: string | null;

  @ApiProperty({ example: 'People who use the service move into paid work or volunteering' })
  @IsString()
  @NotBlank()
  @MaxLength(1000)
  outcome: string;

  @ApiProperty({ example: 'Members starting paid work or regular volunteering, per year' })
  @IsString()
  @NotBlank()
  @MaxLength(1000)
  measure: string;

  @ApiProperty({ example: 40, description: `A number with at most ${COMMITMENT_DECIMALS} decimals, kept exact.` })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(COMMITMENT_DECIMALS)
  @Min(-MAX_COMMITMENT_MAGNITUDE)
  @Max(MAX_COMMITMENT_MAGNITUDE)
  target: number;

  @ApiPropertyOptional({
    type: Number,
    example: 12,
    nullable: true,
    description: 'Where things stand today, same units as target.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(COMMITMENT_DECIMALS)
  @Min(-MAX_COMMITMENT_MAGNITUDE)
  @Max(MAX_COMMITMENT_MAGNITUDE)
  baseline?: number | null;

  @ApiPropertyOptional({
    type: String,
    example: '2028-03-31',
    nullable: true,
    description: 'The date the target is met by (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'The by date must be written YYYY-MM-DD, such as 2028-03-31.' })
  @IsCalendarDate()
  by?: string | null;
}
