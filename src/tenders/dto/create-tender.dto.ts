import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import { TenderSettingsDto } from './tender-settings.dto';

export class CreateTenderDto extends TenderSettingsDto {
  @ApiProperty({ example: 'LBC-2026-MHDC-01' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  reference: string;

  @ApiProperty({ example: 'Provision of Mental Health Day Care Service' })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'Day care and recovery support for adults with mental health needs in the borough.' })
  @IfPresent()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ example: '2027-01-31T12:00:00.000Z', description: 'ISO 8601; the server clock decides.' })
  @IsISO8601({ strict: true, strictSeparator: true })
  bidDeadline: string;

  @ApiPropertyOptional({
    example: '2027-01-17T12:00:00.000Z',
    description:
      'Bidders may ask clarification questions until then (server clock); it must be before bidDeadline. Left out: questions are taken until the bid deadline. Once published it can be set to a future time, then only moved later, and not after it has passed.',
  })
  @IfPresent()
  @IsISO8601({ strict: true, strictSeparator: true })
  clarificationDeadline?: string;

  @ApiPropertyOptional({ example: 'camden-mental-health-day-care', description: 'Copy criteria and settings from a template.' })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  template?: string;
}
