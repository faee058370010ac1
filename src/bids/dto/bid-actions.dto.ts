import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, ValidateBy } from 'class-validator';
import { NotBlank } from '../../common/validators';

const MAX_NOTE = 5000;
const FAILED_NEEDS_NOTE = 'A note is needed when the bid fails the gate: say why it fails.';

/**
 * One rule, one message: a note is text of at most 5000 characters, and a failed gate
 * needs one (the reason a bidder can be given); a pass may have none.
 */
function ComplianceNote(): PropertyDecorator {
  const problem = (value: unknown, passed: unknown): string | null => {
    if (value === undefined || value === null) return passed === false ? FAILED_NEEDS_NOTE : null;
    if (typeof value !== 'string') return 'The note must be text.';
    if ([...value].length > MAX_NOTE) return `The note is too long: use at most ${MAX_NOTE} characters.`;
    if (passed === false && value.trim() === '') return FAILED_NEEDS_NOTE;
    return null;
  };
  return ValidateBy({
    name: 'complianceNote',
    validator: {
      validate: (value: unknown, args) => problem(value, (args?.object as RecordComplianceDto).passed) === null,
      defaultMessage: (args) => problem(args?.value, (args?.object as RecordComplianceDto).passed) ?? 'The note is not valid.',
    },
  });
}

export class RecordComplianceDto {
  @ApiProperty({ example: false, description: 'Whether the bid passes this pass/fail gate.' })
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({
    example: 'Employer\u2019s liability certificate expired on 2026-10-01; no renewal supplied.',
    description: 'Required when the bid fails the gate: the reason a bidder can be given.',
  })
  @ComplianceNote()
  note?: string;
}

export class DisqualifyBidDto {
  @ApiProperty({ example: 'The bidder contacted a panel member about the tender during evaluation (ITT clause 4.2).' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  reason: string;
}
