import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UK_NATIONS, type UkNation } from '../domain/working-days';
import { STANDSTILL_KINDS, type StandstillKind } from '../standstill.entity';

export class ChallengeResponse {
  @ApiProperty({ example: '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) id: string;
  @ApiProperty({ example: '2026-12-04T09:30:00.000Z' }) receivedAt: string;
  @ApiProperty({ example: 'Bidder B has issued proceedings about the price score.' }) summary: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) liftedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) liftedReason: string | null;
}

class SkippedDayResponse {
  @ApiProperty({ example: '2026-12-25' }) date: string;
  @ApiProperty({ example: 'Christmas Day' }) reason: string;
}

export class StandstillResponse {
  @ApiProperty({ example: '0b1f6c9e-3c52-4d84-9c2f-4b6e1f1b2a10' }) tenderId: string;
  @ApiProperty({ enum: UK_NATIONS, example: 'england-and-wales' }) nation: UkNation;
  @ApiProperty({ enum: STANDSTILL_KINDS, example: 'mandatory' }) kind: StandstillKind;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-22T15:00:00.000Z',
    description: 'When the contract award notice was published.',
  })
  noticePublishedAt: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-01-06T00:00:00.000Z',
    description:
      'Midnight (UK time) at the end of the last working day of the standstill: the contract may be entered into from then. null with no standstill or no notice yet.',
  })
  standstillEndsAt: string | null;
  @ApiProperty({ type: [String], example: ['2026-12-22', '2026-12-23'], description: 'The working days counted (UK dates).' })
  workingDays: string[];
  @ApiProperty({ type: [SkippedDayResponse], description: 'Days inside the period that did not count, and why.' })
  skippedDays: SkippedDayResponse[];
  @ApiProperty({ type: [ChallengeResponse] }) challenges: ChallengeResponse[];
  @ApiProperty({ example: false, description: 'Whether the contract may be entered into now.' }) canEnterContract: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'The standstill period ends at midnight on 5 January 2027.',
    description: 'Why not, in a sentence (null when it may).',
  })
  notYet: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) contractEnteredAt: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: "Until when the tender's records are kept: three years from the contract (s.98).",
  })
  retainUntil: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'When the procurement termination notice (s.55) was published.',
  })
  terminationNoticePublishedAt: string | null;
}

export class RetentionEntry {
  @ApiProperty({ example: '0b1f6c9e-3c52-4d84-9c2f-4b6e1f1b2a10' }) tenderId: string;
  @ApiProperty({ example: 'CAM-2026-014' }) reference: string;
  @ApiProperty({ example: 'Mental health day care, co-produced' }) title: string;
  @ApiProperty({ example: '2027-01-07T09:00:00.000Z' }) contractEnteredAt: string;
  @ApiProperty({ example: '2030-01-07T09:00:00.000Z', description: 'The first moment the records may be deleted.' })
  retainUntil: string;
  @ApiProperty({ example: false, description: 'Whether that moment has passed.' }) due: boolean;
}
