import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PANEL_GROUPS } from '../../criteria/domain';
import type { PanelGroup, PresentedCalibration } from '../engine';

/*
 * The §11 parts of GET /api/tenders/:id/results (docs/SCORING.md §11): how fragile the
 * decision is, how the lived-experience members' scores shaped it, and how each panel
 * member marks. Numbers rounded half-up to 2 decimals once, by presentResults. The
 * examples are the SCORING.md §10 worked example.
 */

const BID_A = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const BID_B = '1f0e2d3c-4b5a-4698-8776-655443322110';
const Q1 = '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a';

export class MarkChangeResponse {
  @ApiProperty({ example: BID_B, description: 'Whose score changes: the winner’s (lowered) or the runner-up’s (raised).' })
  bidId: string;
  @ApiProperty({ example: Q1 }) criterionId: string;
  @ApiProperty({ example: 'Q1' }) code: string;
  @ApiProperty({ example: 3, description: 'The criterion score now (moderated, else panel).' }) from: number;
  @ApiProperty({ example: 2, description: 'The whole score on the scale it would change to.' }) to: number;
  @ApiProperty({ example: 1, description: '|to − from|, in scale points.' }) change: number;
  @ApiProperty({
    enum: ['order', 'below_threshold'],
    example: 'order',
    description:
      '`order`: the runner-up would be level with or ahead of the winner; `below_threshold`: the winner could not be ranked.',
  })
  effect: 'order' | 'below_threshold';
}

export class RunnerUpRobustnessResponse {
  @ApiProperty({ example: BID_A }) runnerUpBidId: string;
  @ApiProperty({ example: 6.5, description: 'The winner’s total minus this bid’s.' }) margin: number;
  @ApiProperty({ example: false, description: 'They already share the rank.' }) level: boolean;
  @ApiPropertyOptional({
    type: MarkChangeResponse,
    nullable: true,
    description: 'The smallest change to a single criterion score that changes their order; null when level or when none can.',
  })
  smallestMarkChange: MarkChangeResponse | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 6.5,
    description:
      'The smallest fall, in whole hundredths of a point, in the winner’s total that changes their order; null when level.',
  })
  totalChange: number | null;
  @ApiProperty({
    type: [MarkChangeResponse],
    description: 'Every single-score change of at most one scale point that would do it.',
  })
  oneMarkChanges: MarkChangeResponse[];
  @ApiProperty({
    example:
      'Lowering Bid B’s score on Q1 (Quality) by 1 point, from 3 to 2, would put Bid A level with or ahead of Bid B; no smaller ' +
      'change to a single score would. Equally, a fall of 6.50 points in Bid B’s total would put Bid A level with or ahead of it.',
  })
  sentence: string;
}

export class RobustnessResponse {
  @ApiProperty({ example: BID_B }) winnerBidId: string;
  @ApiProperty({ type: [RunnerUpRobustnessResponse], description: 'Every other ranked bid, in ranked order.' })
  runnersUp: RunnerUpRobustnessResponse[];
}

export class RecheckCellResponse extends MarkChangeResponse {
  @ApiProperty({ example: BID_A, description: 'The runner-up this change would bring level with or ahead of the winner.' })
  runnerUpBidId: string;
  @ApiProperty({ enum: ['moderated', 'panel', 'price', 'missing'], example: 'moderated' })
  source: 'moderated' | 'panel' | 'price' | 'missing';
}

export class CloseCallResponse {
  @ApiProperty({ example: true }) alert: boolean;
  @ApiProperty({
    enum: ['margin', 'single_mark'],
    isArray: true,
    example: ['single_mark'],
    description:
      '`margin`: the lead is under the tender’s closeCallMargin; `single_mark`: one point on one score would change it.',
  })
  reasons: ('margin' | 'single_mark')[];
  @ApiProperty({ example: 6.5, description: 'The winner’s lead over the first runner-up.' }) margin: number;
  @ApiProperty({ example: 1, description: 'The tender’s closeCallMargin, in points.' }) threshold: number;
  @ApiProperty({ type: [RecheckCellResponse], description: 'Scores to check again at moderation, in the order of `bids`.' })
  recheck: RecheckCellResponse[];
  @ApiProperty({
    example:
      'Close call: a change of one scale point or less in a single score would put a runner-up level with or ahead of the ' +
      'winner. Check this score again at moderation.',
  })
  sentence: string;
}

export class ScenarioTotalResponse {
  @ApiProperty({ example: BID_B }) bidId: string;
  @ApiProperty({ example: 78 }) total: number;
  @ApiProperty({ example: 1 }) rank: number;
}

export class GroupScenarioResponse {
  @ApiProperty({
    enum: ['as_scored', 'without_lived_experience', 'equal_group_weights', 'lived_experience_only'],
    example: 'without_lived_experience',
  })
  scenario: 'as_scored' | 'without_lived_experience' | 'equal_group_weights' | 'lived_experience_only';
  @ApiProperty({ type: [ScenarioTotalResponse], description: 'Eligible bids in the scenario’s ranked order.' })
  totals: ScenarioTotalResponse[];
  @ApiProperty({ example: BID_B }) winnerBidId: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 18, description: 'The scenario winner’s lead.' })
  margin: number | null;
  @ApiProperty({ example: false, description: 'Compared with the results.' }) winnerChanged: boolean;
  @ApiProperty({ example: false }) orderChanged: boolean;
  @ApiProperty({
    example:
      'Without the lived-experience members’ scores on Q1, C1, Bid B would still have won, by 18.00 points, in the same order.',
  })
  sentence: string;
}

export class GroupInfluenceResponse {
  @ApiProperty({ example: ['Q1', 'C1'], description: 'The criteria lived-experience members score.' }) criteria: string[];
  @ApiProperty({ type: [GroupScenarioResponse] }) scenarios: GroupScenarioResponse[];
  @ApiProperty({ example: 6.5, description: 'The winner’s lead over the runner-up on the panel’s own scores.' })
  panelMargin: number;
  @ApiProperty({
    example: -11.5,
    description: 'How much of that lead the lived-experience scores make (negative: they narrowed it).',
  })
  livedExperienceContribution: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: -176.92, description: 'Contribution ÷ lead, in percent.' })
  livedExperienceSharePercent: number | null;
  @ApiProperty({
    example:
      'The lived-experience members’ scores narrowed Bid B’s lead over Bid A by 11.50 points (-176.92 % of the lead): on the ' +
      'panel’s own scores it leads by 6.50, without them it would lead by 18.00.',
  })
  sentence: string;
}

export class CalibrationOutlierResponse {
  @ApiProperty({ example: BID_A }) bidId: string;
  @ApiProperty({ example: Q1 }) criterionId: string;
  @ApiProperty({ example: 'C1' }) code: string;
  @ApiProperty({ example: 2 }) score: number;
  @ApiProperty({ example: 4.5, description: 'The mean of the other members’ scores on the cell.' }) othersMean: number;
}

export class PanelistCalibrationResponse {
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) panelMemberId: string;
  @ApiProperty({ example: 'Lived experience 1', description: 'Lived-experience members by pseudonym; professionals by name.' })
  name: string;
  @ApiProperty({ enum: PANEL_GROUPS, example: 'lived_experience' }) group: PanelGroup;
  @ApiProperty({ example: 4, description: 'Usable scores the member gave.' }) scores: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 4 }) mean: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 0.5,
    description: 'Mean absolute deviation of the member’s scores around their own mean.',
  })
  spread: number | null;
  @ApiProperty({ example: 4, description: 'Cells the member scored with at least one other member.' }) comparedCells: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 0.75,
    description: 'Mean of (own score − the others’ mean) over those cells; positive marks more generously.',
  })
  leniency: number | null;
  @ApiProperty({ example: 2, description: 'Cells with a moderated score the member scored.' }) consensusCells: number;
  @ApiProperty({ example: 2, description: 'Of those, scored exactly as moderated.' }) consensusAgreements: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0, description: 'Mean |own − moderated| over those cells.' })
  consensusDifference: number | null;
  @ApiProperty({ type: [CalibrationOutlierResponse], description: 'Cells where the member alone stands far from the others.' })
  outliers: CalibrationOutlierResponse[];

  static from(member: PresentedCalibration, names: ReadonlyMap<string, string>): PanelistCalibrationResponse {
    const { panelistId, ...rest } = member;
    return { panelMemberId: panelistId, name: names.get(panelistId) ?? '', ...rest };
  }
}
