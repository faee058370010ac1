import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PANEL_GROUPS, type PanelGroup } from '../../criteria/domain';
import type { ModeratedScore } from '../moderated-score.entity';

export class ModeratorResponse {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) id: string;
  @ApiProperty({ example: 'Amara Okafor' }) name: string;
}

export class ModeratedScoreResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiProperty({ example: 2, description: 'Send it back as If-Match to guard the next change (also the ETag).' }) version: number;
  @ApiProperty({ example: 3 }) score: number;
  @ApiProperty({ example: 'Panel agreed 3 after discussing the peer-support evidence.' }) rationale: string;
  @ApiProperty({ type: ModeratorResponse }) moderatedBy: ModeratorResponse;
  @ApiProperty({ example: '2027-02-10T14:00:00.000Z' }) moderatedAt: string;

  static from(
    row: Pick<ModeratedScore, 'bidId' | 'criterionId' | 'version' | 'score' | 'rationale' | 'moderatedById' | 'moderatedAt'>,
    code: string,
    moderatorName: string,
  ): ModeratedScoreResponse {
    return {
      bidId: row.bidId,
      criterionId: row.criterionId,
      code,
      version: row.version,
      score: row.score,
      rationale: row.rationale,
      moderatedBy: { id: row.moderatedById, name: moderatorName },
      moderatedAt: row.moderatedAt.toISOString(),
    };
  }
}

export class ModerationScoreResponse {
  @ApiProperty({ example: '5d0c8a52-0f55-4d8e-9a3c-1d2f3a4b5c6d' }) panelMemberId: string;
  @ApiProperty({ example: 'Lived experience 1', description: 'Lived-experience members by pseudonym; professionals by name.' })
  member: string;
  @ApiProperty({ enum: PANEL_GROUPS, example: 'lived_experience' }) group: PanelGroup;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'carer' }) role: string | null;
  @ApiProperty({ example: 5 }) score: number;
  @ApiProperty({ example: 'They asked people like me what we need.' }) rationale: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-02-03T16:00:00.000Z' }) submittedAt:
    string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Entered by Amara Okafor with Lived experience 1 present.',
    description: "Set when someone entered the score on the member's behalf (assisted scoring): who, and how; null otherwise.",
  })
  enteredOnBehalf: string | null;
}

export class GroupMeansResponse {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 4.5 }) lived_experience: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) professional: number | null;
}

export class FlagResponse {
  @ApiProperty({ enum: ['divergence', 'group_divergence', 'quorum_not_met'], example: 'divergence' }) type: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'C1' }) criterion: string | null;
}

export class ModerationItemResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Mind in Camden' }) bidderName: string;
  @ApiProperty({ enum: ['submitted', 'disqualified'], example: 'submitted' }) bidStatus: string;
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiProperty({ example: 'Co-production' }) title: string;
  @ApiProperty({ enum: PANEL_GROUPS, isArray: true, example: ['lived_experience', 'professional'] }) scoredBy: PanelGroup[];
  @ApiProperty({ type: [ModerationScoreResponse], description: 'Submitted scores of members without a conflict on this bid.' })
  scores: ModerationScoreResponse[];
  @ApiProperty({ example: 3 }) count: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) min: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5 }) max: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 3 }) spread: number | null;
  @ApiProperty({ type: GroupMeansResponse }) groupMeans: GroupMeansResponse;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3.25,
    description: 'The panel score (docs/SCORING.md §3.2), 2 decimals.',
  })
  panelScore: number | null;
  @ApiProperty({ type: [FlagResponse] }) flags: FlagResponse[];
  @ApiPropertyOptional({ type: ModeratedScoreResponse, nullable: true, description: 'The latest version; null until moderated.' })
  moderated: ModeratedScoreResponse | null;
  @ApiProperty({ type: [ModeratedScoreResponse], description: 'Every version, oldest first.' }) history: ModeratedScoreResponse[];
}

export class ModerationResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: 'moderation' }) status: string;
  @ApiProperty({ example: 2 }) divergenceThreshold: number;
  @ApiProperty({ example: 2 }) minScorers: number;
  @ApiProperty({ type: [ModerationItemResponse], description: 'Per bid (bidder name order) × scored criterion (tree order).' })
  items: ModerationItemResponse[];
}
