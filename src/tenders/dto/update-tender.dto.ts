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
}
