import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { NotBlank } from '../../common/validators';

/** A failed gate needs a reason a bidder can be given; a pass may have no note. */
function ExplainsFailure(): PropertyDecorator {
  return ValidateBy({
    name: 'explainsFailure',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as RecordComplianceDto).passed !== false || (typeof value === 'string' && value.trim() !== ''),
      defaultMessage: () => 'note is required when the bid fails the gate: say why',
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
  @ValidateIf((dto: RecordComplianceDto) => dto.passed === false || dto.note !== undefined)
  @IsString()
  @MaxLength(5000)
  @ExplainsFailure()
  note?: string;
}

export class DisqualifyBidDto {
  @ApiProperty({ example: 'The bidder contacted a panel member about the tender during evaluation (ITT clause 4.2).' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  reason: string;
}
