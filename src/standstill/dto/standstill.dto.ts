import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import { UK_NATIONS, type UkNation } from '../domain/working-days';
import { STANDSTILL_KINDS, type StandstillKind } from '../standstill.entity';

export class StandstillSettingsDto {
  @ApiPropertyOptional({
    enum: UK_NATIONS,
    example: 'scotland',
    description: "Whose bank holidays the standstill's working days leave out: the buyer's part of the UK.",
  })
  @IfPresent()
  @IsIn(UK_NATIONS)
  nation?: UkNation;

  @ApiPropertyOptional({
    enum: STANDSTILL_KINDS,
    example: 'voluntary',
    description:
      '`mandatory` (s.51 applies), `voluntary` (exempt, but the buyer keeps a standstill) or `none` (exempt and not kept).',
  })
  @IfPresent()
  @IsIn(STANDSTILL_KINDS)
  kind?: StandstillKind;
}

export class PublishedNoticeDto {
  @ApiProperty({ example: '2026-12-02T10:00:00.000Z', description: 'When the notice was published (not in the future).' })
  @IsISO8601({ strict: true, strictSeparator: true })
  publishedAt: string;
}

export class RecordChallengeDto {
  @ApiProperty({ example: '2026-12-04T09:30:00.000Z', description: 'When the challenge was received (not in the future).' })
  @IsISO8601({ strict: true, strictSeparator: true })
  receivedAt: string;

  @ApiProperty({
    example: 'Bidder B has issued proceedings about the price score.',
    description: 'What the challenge is, in a few words.',
  })
  @IsString()
  @NotBlank()
  @MaxLength(2_000)
  summary: string;
}

export class LiftChallengeDto {
  @ApiProperty({
    example: 'The court lifted the suspension on 11 December.',
    description: 'Why the contract may now be entered into.',
  })
  @IsString()
  @NotBlank()
  @MaxLength(2_000)
  reason: string;
}

export class EnterContractDto {
  @ApiPropertyOptional({
    example: '2026-12-15T09:00:00.000Z',
    description: 'When the contract was entered into; defaults to now. Not in the future.',
  })
  @IfPresent()
  @IsISO8601({ strict: true, strictSeparator: true })
  enteredAt?: string;
}
