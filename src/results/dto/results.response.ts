import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PanelGroup, PresentedResults } from '../engine';
import type { NamedGap } from '../domain/results-rules';
import {
  CloseCallResponse,
  GroupInfluenceResponse,
  PanelistCalibrationResponse,
  RobustnessResponse,
} from './robustness.response';

/*
 * The body of GET /api/tenders/:id/results (API.md "Results and exports"). Every number
 * is the engine's exact value rounded half-up to 2 decimals once, here at the edge
 * (presentResults). The examples are the SCORING.md §10 worked example.
 */

const BID_A = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const BID_B = '1f0e2d3c-4b5a-4698-8776-655443322110';

export class ResultsGapResponse {
  @ApiProperty({ example: BID_A }) bidId: string;
  @ApiProperty({ example: 'Mind in Camden' }) bidderName: string;
  @ApiProperty({ example: 'Q1', description: 'The criterion code.' }) criterion: string;
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({
    enum: ['moderated', 'panel', 'compliance'],
    example: 'moderated',
    description: 'What is missing: a moderated score (moderation required), any usable panel score, or a pass/fail record.',
  })
  missing: 'moderated' | 'panel' | 'compliance';
}

export class ResultsExclusionResponse {
  @ApiProperty({ enum: ['disqualified', 'failed_gate', 'below_threshold'], example: 'below_threshold' })
  reason: 'disqualified' | 'failed_gate' | 'below_threshold';
  @ApiPropertyOptional({ example: 'Q1', description: 'The gate or thresholded criterion; absent for a disqualification.' })
  criterion?: string;
  @ApiProperty({
    example: 'The bid scored 2 on Q1 (Service model), below the minimum score of 2.5 for that criterion.',
    description: 'A sentence that can go into a feedback letter.',
  })
  detail: string;
}

export class ResultsFlagResponse {
  @ApiProperty({ enum: ['divergence', 'group_divergence', 'quorum_not_met', 'abnormally_low_price'], example: 'divergence' })
  type: 'divergence' | 'group_divergence' | 'quorum_not_met' | 'abnormally_low_price';
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'C1',
    description: 'null for a bid-level flag (abnormally low price).',
  })
  criterion: string | null;
}

export class GroupScoresResponse {
  @ApiPropertyOptional({ example: 4.5 }) lived_experience?: number;
  @ApiPropertyOptional({ example: 2 }) professional?: number;
}

export class ResultsCriterionResponse {
  @ApiProperty({ example: '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a' }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3.25,
    description: 'The criterion score on the scale; null for the price leaf and for a missing score.',
  })
  score: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 19.5,
    description:
      'Percentage points: weight × (score − min) / (max − min), or the price formula. null when missing, and for an ineligible bid’s price.',
  })
  weighted: number | null;
  @ApiProperty({ enum: ['moderated', 'panel', 'price', 'missing'], example: 'panel' })
  source: 'moderated' | 'panel' | 'price' | 'missing';
  @ApiPropertyOptional({
    type: GroupScoresResponse,
    description: 'Each group’s aggregated score, beside a panel score on a criterion with group weights.',
    example: { lived_experience: 4.5, professional: 2 },
  })
  groupScores?: Partial<Record<PanelGroup, number>>;
}

export class CategoryTotalsResponse {
  @ApiProperty({ example: 28 }) quality: number;
  @ApiProperty({ example: 19.5 }) co_production: number;
  @ApiProperty({ example: 0 }) social_outcome: number;
  @ApiProperty({ example: 0 }) economic_outcome: number;
  @ApiProperty({ example: 0 }) environmental_outcome: number;
  @ApiProperty({ example: 0, description: 'Social + economic + environmental outcomes.' }) wider_outcomes: number;
  @ApiProperty({ example: 24 }) price: number;
}

export class ResultsBidResponse {
  @ApiProperty({ example: BID_A }) bidId: string;
  @ApiProperty({ example: 'Mind in Camden' }) bidderName: string;
  @ApiProperty({ enum: ['submitted', 'disqualified'], example: 'submitted' }) status: 'submitted' | 'disqualified';
  @ApiProperty({ example: true }) eligible: boolean;
  @ApiProperty({ type: [ResultsExclusionResponse], description: 'Why the bid is not ranked; empty when eligible.' })
  exclusions: ResultsExclusionResponse[];
  @ApiProperty({ example: 100000, description: 'Pounds, 2 decimals.' }) price: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2,
    description:
      'Competition ranking (1, 2, 2, 4) of eligible bids; null when ineligible. Provisional while `complete` is false.',
  })
  rank: number | null;
  @ApiProperty({
    example: 71.5,
    description: 'Sum of the weighted scores present. For an ineligible bid, shown for information and never ranked.',
  })
  total: number;
  @ApiProperty({ type: CategoryTotalsResponse }) byCategory: CategoryTotalsResponse;
  @ApiProperty({
    type: [ResultsCriterionResponse],
    description: 'Scored and price criteria in tree order (gates are in exclusions and gaps).',
  })
  criteria: ResultsCriterionResponse[];
  @ApiProperty({ type: [ResultsFlagResponse], description: 'Shown for the moderation meeting; never acted on silently.' })
  flags: ResultsFlagResponse[];
}

export class SensitivityShiftResponse {
  @ApiProperty({ example: 'P', description: 'Code of the top-level node the weight moves from.' }) from: string;
  @ApiProperty({ example: 'Q1', description: 'Code of the top-level node the weight moves to.' }) to: string;
  @ApiProperty({ example: 21.67, description: 'Percentage points, rounded up so the stated move really suffices.' })
  points: number;
}

export class SensitivityResponse {
  @ApiProperty({ example: BID_B }) winnerBidId: string;
  @ApiProperty({ example: BID_A }) runnerUpBidId: string;
  @ApiProperty({ example: false, description: 'True when no move of weight between two top-level nodes changes their order.' })
  robust: boolean;
  @ApiPropertyOptional({ type: SensitivityShiftResponse, nullable: true }) smallestShift: SensitivityShiftResponse | null;
  @ApiProperty({
    example:
      'Moving 21.67 percentage points of weight from Price (P) to Service quality (Q1) would put Mind in Camden level with or ahead ' +
      'of Certitude; no smaller move between two top-level sections would.',
    description: 'The sensitivity of docs/SCORING.md §9, in a sentence a commissioner can quote.',
  })
  sentence: string;
}

export class ResultsResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ enum: ['moderation', 'awarded'], example: 'moderation' }) status: string;
  @ApiProperty({
    example: true,
    description:
      'Every bid that is not disqualified has every gate recorded and every scored criterion scored (docs/SCORING.md §8).',
  })
  complete: boolean;
  @ApiProperty({
    type: [ResultsGapResponse],
    description: 'What is still missing, in the order of `bids`; award is refused until empty.',
  })
  gaps: ResultsGapResponse[];
  @ApiPropertyOptional({
    type: SensitivityResponse,
    nullable: true,
    description: 'For the winner and the runner-up; null with fewer than two ranked bids.',
  })
  sensitivity: SensitivityResponse | null;
  @ApiPropertyOptional({
    type: RobustnessResponse,
    nullable: true,
    description:
      'Marks to change the winner (docs/SCORING.md §11.1): for each runner-up, the smallest single-score change and the smallest ' +
      'fall in the winner’s total that would put it level or ahead. null with fewer than two ranked bids.',
  })
  robustness: RobustnessResponse | null;
  @ApiPropertyOptional({
    type: CloseCallResponse,
    nullable: true,
    description:
      'The close-call alert (§11.2), with the scores to check again at moderation. null with fewer than two ranked bids.',
  })
  closeCall: CloseCallResponse | null;
  @ApiPropertyOptional({
    type: GroupInfluenceResponse,
    nullable: true,
    description:
      'Group influence (§11.3): the order without the lived-experience members’ scores, with the groups weighted equally, and with ' +
      'theirs alone, and their share of the winning margin. null with fewer than two ranked bids or no criterion they score.',
  })
  groupInfluence: GroupInfluenceResponse | null;
  @ApiProperty({
    type: [PanelistCalibrationResponse],
    description:
      'Evaluator calibration (§11.4), per panel member in join order: reporting only, never changes a score. Lived-experience ' +
      'members by pseudonym.',
  })
  calibration: PanelistCalibrationResponse[];
  @ApiProperty({
    type: [ResultsBidResponse],
    description: 'Every bid submitted by the deadline (disqualified ones included): ranked by rank, then the unranked.',
  })
  bids: ResultsBidResponse[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'The awarded bid, once the tender is awarded.',
  })
  awardedBidId: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null }) awardedAt: string | null;
  @ApiProperty({ example: '2027-02-10T15:00:00.000Z', description: 'When these results were computed (server clock).' })
  generatedAt: string;

  static from(
    tender: { id: string; status: string; awardedBidId: string | null; awardedAt: Date | null },
    presented: PresentedResults,
    gaps: NamedGap[],
    generatedAt: Date,
    /** Panel member id → name on the record, in join order (pseudonyms for lived-experience members). */
    memberNames: ReadonlyMap<string, string>,
  ): ResultsResponse {
    const order = [...memberNames.keys()];
    const position = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return {
      tenderId: tender.id,
      status: tender.status,
      complete: presented.complete,
      gaps: gaps.map((gap) => ({
        bidId: gap.bidId,
        bidderName: gap.bidderName,
        criterion: gap.criterion,
        criterionId: gap.criterionId,
        missing: gap.missing,
      })),
      sensitivity: presented.sensitivity,
      robustness: presented.robustness,
      closeCall: presented.closeCall,
      groupInfluence: presented.groupInfluence,
      calibration: [...presented.calibration]
        .sort((a, b) => position(a.panelistId) - position(b.panelistId))
        .map((member) => PanelistCalibrationResponse.from(member, memberNames)),
      bids: presented.bids.map((bid) => ({
        bidId: bid.bidId,
        bidderName: bid.bidderName,
        status: bid.status,
        eligible: bid.eligible,
        exclusions: bid.exclusions,
        price: bid.price,
        rank: bid.rank,
        total: bid.total,
        byCategory: bid.byCategory,
        criteria: bid.criteria,
        flags: bid.flags,
      })),
      awardedBidId: tender.awardedBidId,
      awardedAt: tender.awardedAt ? tender.awardedAt.toISOString() : null,
      generatedAt: generatedAt.toISOString(),
    };
  }
}
