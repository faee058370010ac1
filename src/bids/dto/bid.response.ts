import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_TYPES } from '../../users/organisation.entity';
import { penceToPounds } from '../../common/domain/decimals';
import { BID_STATUSES, countWords } from '../domain';
import type { BidCommitment } from '../bid-commitment.entity';
import type { BidResponse } from '../bid-response.entity';
import type { BidVersion } from '../bid-version.entity';
import type { Bid } from '../bid.entity';
import type { ComplianceRecord } from '../compliance-record.entity';

/** Criterion facts the mappers need: its code and its place in the tree's order. */
export interface CriterionLabel {
  code: string;
  position: number;
}

export class BidAnswerResponse {
  @ApiProperty({ example: '5f0c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' }) criterionId: string;
  @ApiProperty({ example: 'Q1' }) code: string;
  @ApiProperty({ example: 'A day service open six days a week, planned each month with members and their carers.' }) text: string;
  @ApiProperty({ example: 16, description: 'Words, split on whitespace (what maxWords counts).' }) words: number;
}

export class BidCommitmentResponse {
  @ApiPropertyOptional({ type: String, nullable: true, example: '7a1b2c3d-4e5f-4061-8a9b-0c1d2e3f4a5b' }) criterionId:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SV1' }) code: string | null;
  @ApiProperty({ example: 'Members move into paid work or volunteering' }) outcome: string;
  @ApiProperty({ example: 'Starts per year' }) measure: string;
  @ApiProperty({ example: 40 }) target: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 12 }) baseline: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2028-03-31' }) by: string | null;

  static from(commitment: BidCommitment, labels: ReadonlyMap<string, CriterionLabel>): BidCommitmentResponse {
    return {
      criterionId: commitment.criterionId,
      code: commitment.criterionId ? (labels.get(commitment.criterionId)?.code ?? null) : null,
      outcome: commitment.outcome,
      measure: commitment.measure,
      target: Number(commitment.target),
      baseline: commitment.baseline === null ? null : Number(commitment.baseline),
      by: commitment.byDate,
    };
  }
}

export class ComplianceRecordResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) bidId: string;
  @ApiProperty({ example: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' }) criterionId: string;
  @ApiProperty({ example: 'G1' }) code: string;
  @ApiProperty({ example: true }) passed: boolean;
  @ApiProperty({ example: 'Insurance certificates checked against the ITT minimums.' }) note: string;
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) recordedById: string;
  @ApiProperty({ example: '2027-02-03T10:15:00.000Z' }) recordedAt: string;

  static from(record: ComplianceRecord, labels: ReadonlyMap<string, CriterionLabel>): ComplianceRecordResponse {
    return {
      bidId: record.bidId,
      criterionId: record.criterionId,
      code: labels.get(record.criterionId)?.code ?? record.criterionId,
      passed: record.passed,
      note: record.note,
      recordedById: record.recordedById,
      recordedAt: record.recordedAt.toISOString(),
    };
  }
}

/** One version's content, as loaded for display. */
export interface VersionContent {
  version: BidVersion;
  responses: BidResponse[];
  commitments: BidCommitment[];
}

/** How a bid is shown to this caller (decided by TenderAccess, see BidAccessGrant). */
export interface BidPresentation {
  /** The bidder (or the team for a paper bid before the box opens): sees its latest version. */
  keeper: boolean;
  /** False for a panel that may not see prices (priceVisibleToPanel off). */
  showPrice: boolean;
  /** Blind marking for the panel: no bidder identity with the content. */
  blind: boolean;
  submittedVersionNumber: number | null;
  /** The team's compliance records; null for everyone else. */
  compliance: ComplianceRecord[] | null;
  labels: ReadonlyMap<string, CriterionLabel>;
}

export class BidDetailResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) id: string;
  @ApiProperty({ example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }) tenderId: string;
  @ApiProperty({ enum: BID_STATUSES, example: 'submitted' }) status: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Camden Mind Partnership',
    description: 'null for a panel under blind marking.',
  })
  bidderName: string | null;
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, nullable: true, example: 'vcse' }) organisationType: string | null;
  @ApiProperty({ type: [String], example: ['Holborn Community Association'] }) consortium: string[];
  @ApiProperty({ example: false, description: 'Received on paper and entered by the tender team.' }) paper: boolean;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1249500.5,
    description: 'Pounds, 2 decimals; null for a panel that may not see prices.',
  })
  price: number | null;
  @ApiProperty({ type: [BidAnswerResponse] }) responses: BidAnswerResponse[];
  @ApiProperty({ type: [BidCommitmentResponse] }) commitments: BidCommitmentResponse[];
  @ApiProperty({
    example: 2,
    description: 'The number of the version shown: the bidder sees its latest, everyone else the one that counts.',
  })
  version: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2,
    description: 'The number of the version that counts; null until submitted.',
  })
  submittedVersion: number | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-01-30T16:42:10.123Z',
    description: 'Server time the counted version was submitted.',
  })
  submittedAt: string | null;
  @ApiProperty({
    example: false,
    description:
      'The bidder has a draft version not yet submitted (any earlier submitted version still counts). Always false for the team and panel.',
  })
  hasUnsubmittedChanges: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ example: false }) disqualified: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) disqualifiedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) disqualificationReason: string | null;
  @ApiPropertyOptional({ type: [ComplianceRecordResponse], nullable: true, description: 'Pass/fail gates recorded (team only).' })
  compliance: ComplianceRecordResponse[] | null;
  @ApiProperty({ example: '2027-01-12T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2027-01-30T16:42:10.123Z' }) updatedAt: string;

  static from(bid: Bid, content: VersionContent, view: BidPresentation): BidDetailResponse {
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    const position = (criterionId: string) => view.labels.get(criterionId)?.position ?? Number.MAX_SAFE_INTEGER;
    const responses = [...content.responses].sort((a, b) => position(a.criterionId) - position(b.criterionId));
    const commitments = [...content.commitments].sort((a, b) => a.position - b.position);
    return {
      id: bid.id,
      tenderId: bid.tenderId,
      status: bid.status,
      bidderName: view.blind ? null : content.version.bidderName,
      organisationType: view.blind ? null : content.version.organisationType,
      consortium: view.blind ? [] : content.version.consortium,
      paper: bid.paper,
      price: view.showPrice ? penceToPounds(content.version.pricePence) : null,
      responses: responses.map((response) => ({
        criterionId: response.criterionId,
        code: view.labels.get(response.criterionId)?.code ?? response.criterionId,
        text: response.text,
        words: countWords(response.text),
      })),
      commitments: commitments.map((commitment) => BidCommitmentResponse.from(commitment, view.labels)),
      version: content.version.number,
      submittedVersion: view.submittedVersionNumber,
      submittedAt: iso(bid.submittedAt),
      hasUnsubmittedChanges: view.keeper && bid.draftVersionId !== null && bid.status !== 'withdrawn',
      withdrawnAt: iso(bid.withdrawnAt),
      disqualified: bid.status === 'disqualified',
      disqualifiedAt: iso(bid.disqualifiedAt),
      disqualificationReason: bid.disqualificationReason,
      compliance: view.compliance ? view.compliance.map((record) => ComplianceRecordResponse.from(record, view.labels)) : null,
      createdAt: bid.createdAt.toISOString(),
      updatedAt: bid.updatedAt.toISOString(),
    };
  }
}
