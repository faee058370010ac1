import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fromHundredths } from '../../common/domain/decimals';
import type { TenderRelation } from '../../access/tender-access.service';
import { TENDER_STATUSES, type TenderStatus } from '../domain/tender-lifecycle';
import {
  AGGREGATIONS,
  PRICE_FORMULAS,
  TIE_BREAKS,
  type Aggregation,
  type PriceFormula,
  type ScaleLabel,
  type TieBreak,
} from '../domain/tender-settings';
import type { OpeningApproval, Tender } from '../tender.entity';
import { PPN002_WARNING, type TenderWarning } from '../../criteria/domain';

export class ScaleResponse {
  @ApiProperty({ example: 0 }) min: number;
  @ApiProperty({ example: 5 }) max: number;
  @ApiProperty({ example: { '4': { label: 'Good', plainLabel: 'Answers it well, with evidence' } } })
  labels: Record<string, ScaleLabel>;
}

export class OpeningApprovalResponse {
  @ApiProperty({ example: '7d0c2a4e-1b9f-4c3a-8e6d-2f5a9b0c1d3e', description: 'The team member who approved.' }) by: string;
  @ApiProperty({ example: '2027-01-31T12:05:00.000Z' }) at: string;
}

export class TenderWarningResponse {
  @ApiProperty({ enum: [PPN002_WARNING], example: PPN002_WARNING }) code: typeof PPN002_WARNING;
  @ApiProperty({
    example:
      'Social value (social, economic and environmental outcomes) is 5% of the total. Government guidance (PPN 002) asks central government buyers for at least 10%; other buyers may wish to apply it. This does not stop the tender.',
  })
  message: string;
}

/** What only the tender's team sees of a tender, beside the settings. */
export interface TeamFacts {
  sealedReadAttempts: number;
}

export class TenderResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) id: string;
  @ApiProperty({ example: 'LBC-2026-MHDC-01' }) reference: string;
  @ApiProperty({ example: 'Provision of Mental Health Day Care Service' }) title: string;
  @ApiProperty({ example: '' }) description: string;
  @ApiProperty({ enum: TENDER_STATUSES, example: 'draft' }) status: TenderStatus;
  @ApiProperty({ example: '2027-01-31T12:00:00.000Z' }) bidDeadline: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2027-01-17T12:00:00.000Z',
    description: 'Until when bidders may ask clarification questions: the setting, or bidDeadline when none is set.',
  })
  clarificationDeadline: string;
  @ApiPropertyOptional({ type: String, example: 'camden-mental-health-day-care', nullable: true }) template: string | null;
  @ApiProperty({ type: ScaleResponse }) scale: ScaleResponse;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: Aggregation;
  @ApiProperty() moderationRequired: boolean;
  @ApiProperty({ enum: PRICE_FORMULAS }) priceFormula: PriceFormula;
  @ApiProperty({ enum: TIE_BREAKS }) tieBreak: TieBreak;
  @ApiProperty({ example: 2 }) divergenceThreshold: number;
  @ApiProperty({ example: 2 }) minScorers: number;
  @ApiProperty({ example: 0.8 }) abnormallyLowRatio: number;
  @ApiProperty({ example: 1, description: 'Points: a winning margin below it is a close call.' }) closeCallMargin: number;
  @ApiProperty() priceVisibleToPanel: boolean;
  @ApiProperty() blindMarking: boolean;
  @ApiProperty() equalRepresentation: boolean;
  @ApiProperty({
    enum: [1, 2],
    example: 2,
    description: 'How many different team members must approve closing the tender (opening the box) after the deadline.',
  })
  openingApprovals: number;
  @ApiPropertyOptional({
    type: [OpeningApprovalResponse],
    nullable: true,
    description:
      'Approvals to open the box given so far, oldest first (team only; null for others). With 2 required, the first approval leaves the tender published.',
  })
  openingApprovalsGiven: OpeningApprovalResponse[] | null;
  @ApiPropertyOptional({
    type: Number,
    example: 0,
    nullable: true,
    description:
      'How many times a signed-in account was refused a read of sealed bids on this tender (each is on the audit trail). Team only; null for others.',
  })
  sealedReadAttempts: number | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-02-28T17:00:00.000Z',
    description: 'When the panel must have finished scoring; null when the tender has no scoring deadline.',
  })
  scoringDeadline: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Sam Okoye' }) contactName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'commissioning@camden.gov.uk' }) contactEmail: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '020 7974 4444' }) contactPhone: string | null;
  @ApiProperty({ example: 0, description: 'How many bids are submitted; the only thing known of bids while sealed.' })
  submittedBidCount: number;
  @ApiPropertyOptional({
    enum: ['owner', 'commissioner', 'procurement'],
    nullable: true,
    description: "The caller's place on the team.",
  })
  teamRole: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) moderationStartedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) awardedBidId: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) awardedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancellationReason: string | null;
  @ApiProperty({
    type: [TenderWarningResponse],
    description:
      'What the team should look at but that blocks nothing: `ppn002_social_value_under_10` when the social value criteria (social, economic and environmental outcomes) weigh under 10 % of the total. For the team only: empty for others, and when there is none.',
  })
  warnings: TenderWarningResponse[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  /** `team`: what the team alone sees; pass it only when the caller is on the team. */
  static from(
    tender: Tender,
    submittedBidCount: number,
    warnings: readonly TenderWarning[],
    relation?: TenderRelation,
    team?: TeamFacts,
  ): TenderResponse {
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    return {
      id: tender.id,
      reference: tender.reference,
      title: tender.title,
      description: tender.description,
      status: tender.status,
      bidDeadline: tender.bidDeadline.toISOString(),
      clarificationDeadline: (tender.clarificationDeadline ?? tender.bidDeadline).toISOString(),
      template: tender.templateKey,
      scale: { min: tender.scaleMin, max: tender.scaleMax, labels: tender.scaleLabels },
      aggregation: tender.aggregation,
      moderationRequired: tender.moderationRequired,
      priceFormula: tender.priceFormula,
      tieBreak: tender.tieBreak,
      divergenceThreshold: fromHundredths(tender.divergenceThresholdHundredths),
      minScorers: tender.minScorers,
      abnormallyLowRatio: fromHundredths(tender.abnormallyLowRatioHundredths),
      closeCallMargin: fromHundredths(tender.closeCallMarginHundredths),
      priceVisibleToPanel: tender.priceVisibleToPanel,
      blindMarking: tender.blindMarking,
      equalRepresentation: tender.equalRepresentation,
      openingApprovals: tender.openingApprovals,
      openingApprovalsGiven: team
        ? (tender.openingApprovalsGiven ?? []).map((approval: OpeningApproval) => ({ ...approval }))
        : null,
      sealedReadAttempts: team ? team.sealedReadAttempts : null,
      scoringDeadline: iso(tender.scoringDeadline),
      contactName: tender.contactName,
      contactEmail: tender.contactEmail,
      contactPhone: tender.contactPhone,
      submittedBidCount,
      teamRole: relation?.teamRole ?? null,
      publishedAt: iso(tender.publishedAt),
      closedAt: iso(tender.closedAt),
      moderationStartedAt: iso(tender.moderationStartedAt),
      awardedBidId: tender.awardedBidId,
      awardedAt: iso(tender.awardedAt),
      cancelledAt: iso(tender.cancelledAt),
      cancellationReason: tender.cancellationReason,
      warnings: warnings.map((warning) => ({ ...warning })),
      createdAt: tender.createdAt.toISOString(),
      updatedAt: tender.updatedAt.toISOString(),
    };
  }
}
