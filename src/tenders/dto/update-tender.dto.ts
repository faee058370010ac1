import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import { TenderSettingsDto } from './tender-settings.dto';

/** Scoring settings only while draft; title, description and a later deadline while published. */
export class UpdateTenderDto extends TenderSettingsDto {
  @ApiPropertyOptional({ example: 'LBC-2026-MHDC-01' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ example: 'Provision of Mental Health Day Care Service' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ example: 'Updated description.' })
  @IfPresent()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiPropertyOptional({ example: '2027-02-07T12:00:00.000Z' })
  @IfPresent()
  @IsISO8601({ strict: true, strictSeparator: true })
  bidDeadline?: string;

  @ApiPropertyOptional({
    example: '2027-01-17T12:00:00.000Z',
    description:
      'Bidders may ask clarification questions until then (server clock); it must be before bidDeadline. Left out: questions are taken until the bid deadline. Once published it can be set to a future time, then only moved later, and not after it has passed.',
  })
  @IfPresent()
  @IsISO8601({ strict: true, strictSeparator: true })
  clarificationDeadline?: string;
}
