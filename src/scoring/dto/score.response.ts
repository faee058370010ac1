import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PANEL_GROUPS, type PanelGroup } from '../../criteria/domain';
import type { IndividualScore } from '../individual-score.entity';
import type { ItemStatus, ScoreStatus } from '../domain/scoring-rules';

export class ScoreResponse {
  @ApiProperty({ example: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b' }) id: string;
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({
    example: 'Bid 2',
    description: 'The bid as the panel sees it: "Bid n" under blind marking, else the bidder name.',
  })
  bid: string;
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'Q1' }) code: string;
  @ApiProperty({ example: 4 }) score: number;
  @ApiProperty({ example: 'Clear plan for peer support workers, with training and paid roles.' }) rationale: string;
  @ApiProperty({ enum: ['draft', 'submitted'], example: 'draft' }) status: ScoreStatus;
  @ApiProperty({ example: '2027-02-02T10:00:00.000Z' }) savedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null }) submittedAt: string | null;

  static from(score: IndividualScore, bid: string, code: string): ScoreResponse {
    return {
      id: score.id,
      bidId: score.bidId,
      bid,
      criterionId: score.criterionId,
      code,
      score: score.score,
      rationale: score.rationale,
      status: score.status,
      savedAt: score.savedAt.toISOString(),
      submittedAt: score.submittedAt ? score.submittedAt.toISOString() : null,
    };
  }
}

export class SubmittedBidScoresResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Bid 2' }) bid: string;
  @ApiProperty({ example: '2027-02-03T16:00:00.000Z' }) submittedAt: string;
  @ApiProperty({ type: [ScoreResponse] }) scores: ScoreResponse[];
}

export class ScaleLevelResponse {
  @ApiProperty({ example: 4 }) score: number;
  @ApiProperty({ example: 'Answers it well, with evidence', description: "In the member's group wording." }) label: string;
}

export class AssignedCriterionResponse {
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiProperty({ example: 'Co-production' }) title: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Will people who use the service help shape it? Look for real examples.',
    description: 'Plain guidance for lived-experience members, professional guidance for professionals.',
  })
  guidance: string | null;
}

export class AssignmentItemResponse {
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiProperty({ enum: ['not_started', 'draft', 'submitted'], example: 'draft' }) status: ItemStatus;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 4, description: 'Your own score, if saved.' }) score:
    number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Strong peer-support plan.' }) rationale: string | null;
}

export class AssignedBidResponse {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) bidId: string;
  @ApiProperty({ example: 'Bid 1' }) bid: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: null,
    description: 'Pounds; null unless the tender shows prices to the panel.',
  })
  price: number | null;
  @ApiProperty({ example: false, description: 'true once you have submitted (locked) your scores for this bid.' })
  submitted: boolean;
  @ApiProperty({ type: [AssignmentItemResponse] }) items: AssignmentItemResponse[];
}

export class AssignmentsResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: 'evaluation' }) tenderStatus: string;
  @ApiProperty({ enum: PANEL_GROUPS, example: 'lived_experience' }) group: PanelGroup;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'carer' }) role: string | null;
  @ApiProperty({
    example: true,
    description: 'Scores can be saved now: the tender is in evaluation and its scoring deadline, if any, has not passed.',
  })
  scoringOpen: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-02-28T17:00:00.000Z',
    description: 'When scoring must be finished; null when the tender has no scoring deadline.',
  })
  scoringDeadline: string | null;
  @ApiProperty({
    example: true,
    description: 'false: declare on every bid first (GET declarations); no bids are listed until then.',
  })
  declarationsComplete: boolean;
  @ApiProperty({ example: 0 }) declarationsOutstanding: number;
  @ApiProperty({ example: false }) priceVisible: boolean;
  @ApiProperty({ type: [ScaleLevelResponse] }) scale: ScaleLevelResponse[];
  @ApiProperty({ type: [AssignedCriterionResponse], description: 'The criteria your group scores, in tree order.' })
  criteria: AssignedCriterionResponse[];
  @ApiProperty({ type: [AssignedBidResponse], description: 'Bids you score (not those you declared a conflict with).' })
  bids: AssignedBidResponse[];
}
