import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUMMARY_STATUSES, type SummaryStatus } from '../domain/summary-status';

/*
 * The body of GET …/assessment-summaries/:bidId (and the bidder's GET …/bids/:bidId/assessment-summary).
 * Every figure is GET /results' own (the engine's, rounded half-up to 2 decimals once); the
 * explanations are the team's words. The examples are bid B of the SCORING.md §10 worked example.
 */

const CRITERION_ID = '9d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a';
const BID_ID = '1f0e2d3c-4b5a-4698-8776-655443322110';

export class AssessmentSummaryLineResponse {
  @ApiProperty({ example: CRITERION_ID }) criterionId: string;
  @ApiProperty({ example: 'Q1' }) code: string;
  @ApiProperty({ example: 'Service quality' }) title: string;
  @ApiProperty({ example: 0, description: '0 for a top-level criterion, 1 for its sub-criteria, and so on.' }) depth: number;
  @ApiProperty({ enum: ['section', 'scored', 'price'], example: 'scored' }) kind: 'section' | 'scored' | 'price';
  @ApiProperty({ example: 40, description: 'Relative importance: percent of the whole evaluation.' }) weight: number;
  @ApiProperty({ example: 'Scored by the panel on a scale of 0 to 5…' }) howScored: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3,
    description: "This tender's score on the scale (null for a section, the price, or no score).",
  })
  score: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 24,
    description: 'Percentage points (null for a section or no score).',
  })
  weighted: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 3.5, description: "The most advantageous tender's score." })
  winnerScore: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 28 })
  winnerWeighted: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'The score was agreed at moderation. …',
    description: 'null for a section.',
  })
  explanation: string | null;
}

export class AssessmentSummaryGateResponse {
  @ApiProperty({ example: CRITERION_ID }) criterionId: string;
  @ApiProperty({ example: 'G1' }) code: string;
  @ApiProperty({ example: 'Insurance' }) title: string;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: true, description: 'null when not recorded.' }) passed:
    boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'The reason recorded with the outcome.' })
  note: string | null;
}

export class AssessmentSummarySubtotalResponse {
  @ApiProperty({ example: 'quality' }) key: string;
  @ApiProperty({ example: 'Quality' }) label: string;
  @ApiProperty({ example: 24 }) value: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 28 }) winnerValue: number | null;
}

export class AssessmentSummaryExclusionResponse {
  @ApiProperty({ enum: ['disqualified', 'failed_gate', 'below_threshold'], example: 'failed_gate' }) reason: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'G1' }) criterion: string | null;
  @ApiProperty({ example: 'The bid did not pass the pass/fail criterion G1 (Insurance).' }) detail: string;
}

/** What the supplier reads. */
export class AssessmentSummaryDocumentResponse {
  @ApiProperty({ example: '3f2a8c1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c' }) tenderId: string;
  @ApiProperty({ example: 'CAM-2026-014' }) reference: string;
  @ApiProperty({ example: 'Mental health day care' }) title: string;
  @ApiProperty({ example: BID_ID }) bidId: string;
  @ApiProperty({ example: 'B' }) bidderName: string;
  @ApiProperty({ example: false, description: 'This tender is the most advantageous tender (the one awarded).' })
  isWinner: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'A' }) winnerName: string | null;
  @ApiProperty({ example: { min: 0, max: 5 } }) scale: { min: number; max: number };
  @ApiProperty({ example: 80000, description: 'Pounds.' }) price: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 100000 }) winnerPrice: number | null;
  @ApiProperty({
    type: [AssessmentSummaryLineResponse],
    description: 'The award criteria, depth-first: sections, their sub-criteria, the price.',
  })
  criteria: AssessmentSummaryLineResponse[];
  @ApiProperty({ type: [AssessmentSummaryGateResponse], description: 'The pass/fail criteria and how this tender did.' })
  gates: AssessmentSummaryGateResponse[];
  @ApiProperty({ type: [AssessmentSummarySubtotalResponse], description: "Sub-totals: GET /results' byCategory." })
  subtotals: AssessmentSummarySubtotalResponse[];
  @ApiProperty({ example: 71.5 }) total: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 76.5 }) winnerTotal: number | null;
  @ApiProperty({ example: true }) eligible: boolean;
  @ApiProperty({
    type: [AssessmentSummaryExclusionResponse],
    description: 'The reasons this tender was excluded; empty when it was not.',
  })
  exclusions: AssessmentSummaryExclusionResponse[];
  @ApiProperty({ example: 'Your tender was not the most advantageous tender.' }) overall: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-04', description: 'The day it was sent, YYYY-MM-DD.' })
  sentOn: string | null;
}

export class AssessmentSummaryVersionResponse {
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'Sam Commissioner' }) editedBy: string;
  @ApiProperty({ example: '2026-12-03T10:00:00.000Z' }) editedAt: string;
}

/** What the team works on: the document and where it stands. */
export class AssessmentSummaryResponse extends AssessmentSummaryDocumentResponse {
  @ApiProperty({ example: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id: string;
  @ApiProperty({ enum: SUMMARY_STATUSES, example: 'approved' }) status: SummaryStatus;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'Sam Commissioner', description: 'Who wrote the newest words.' }) lastEditedBy: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pat Procurement' }) approvedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-03T11:00:00.000Z' }) approvedAt: string | null;
  @ApiProperty({ type: [AssessmentSummaryVersionResponse] }) versions: AssessmentSummaryVersionResponse[];
}

export class AssessmentSummaryListEntryResponse {
  @ApiProperty({ example: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id: string;
  @ApiProperty({ example: BID_ID }) bidId: string;
  @ApiProperty({ example: 'B' }) bidderName: string;
  @ApiProperty({ enum: SUMMARY_STATUSES, example: 'draft' }) status: SummaryStatus;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'Sam Commissioner' }) lastEditedBy: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) sentOn: string | null;
}

export class AssessmentSummaryListResponse {
  @ApiProperty({ example: '3f2a8c1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c' }) tenderId: string;
  @ApiProperty({ example: 2, description: 'The bids assessed: each needs a summary.' }) assessed: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'When every summary is sent: the last day one was sent (the award notice’s assessmentSummariesDateSent).',
  })
  allSentOn: string | null;
  @ApiProperty({ type: [AssessmentSummaryListEntryResponse] }) summaries: AssessmentSummaryListEntryResponse[];
}
