import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { atLeast, between, isBoolean, oneOf, SCALE_CEILING, SCALE_FLOOR } from '../database/checks';
import {
  AGGREGATIONS,
  PRICE_FORMULAS,
  TIE_BREAKS,
  type Aggregation,
  type PriceFormula,
  type ScaleLabel,
  type TieBreak,
} from './domain/tender-settings';
import { TENDER_STATUSES, type TenderStatus } from './domain/tender-lifecycle';

/** A team member's approval to open the box (close the tender), when two are required. */
export interface OpeningApproval {
  by: string;
  at: string;
}

@Entity('tenders')
// What the database itself refuses (src/database/checks.ts); the services apply the finer rules.
@Check(oneOf('status', TENDER_STATUSES))
@Check(
  `${between('scaleMin', SCALE_FLOOR, SCALE_CEILING)} AND ${between('scaleMax', SCALE_FLOOR, SCALE_CEILING)} AND "scaleMin" < "scaleMax"`,
)
@Check(oneOf('aggregation', AGGREGATIONS))
@Check(oneOf('priceFormula', PRICE_FORMULAS))
@Check(oneOf('tieBreak', TIE_BREAKS))
@Check(between('divergenceThresholdHundredths', 0, SCALE_CEILING * 100))
@Check(between('minScorers', 1, 100))
@Check(between('abnormallyLowRatioHundredths', 0, 100))
@Check(between('closeCallMarginHundredths', 0, 10000))
@Check(atLeast('version', 1))
@Check(between('openingApprovals', 1, 2))
@Check(['moderationRequired', 'priceVisibleToPanel', 'blindMarking', 'equalRepresentation'].map(isBoolean).join(' AND '))
export class Tender {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  status: TenderStatus;

  @Column({ type: Date })
  bidDeadline: Date;

  /** Bidders may ask clarification questions until then (before `bidDeadline`); null: until the bid deadline. */
  @Column({ type: Date, nullable: true })
  clarificationDeadline: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  templateKey: string | null;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  // Scoring settings (SCORING.md). Decimal settings are kept in integer hundredths.
  @Column({ type: 'integer' })
  scaleMin: number;

  @Column({ type: 'integer' })
  scaleMax: number;

  @Column({ type: 'simple-json' })
  scaleLabels: Record<string, ScaleLabel>;

  @Column({ type: 'varchar', length: 10 })
  aggregation: Aggregation;

  @Column({ type: 'boolean' })
  moderationRequired: boolean;

  @Column({ type: 'varchar', length: 20 })
  priceFormula: PriceFormula;

  @Column({ type: 'varchar', length: 10 })
  tieBreak: TieBreak;

  @Column({ type: 'integer' })
  divergenceThresholdHundredths: number;

  @Column({ type: 'integer' })
  minScorers: number;

  @Column({ type: 'integer' })
  abnormallyLowRatioHundredths: number;

  /** A winning margin below this many points (× 100) is a close call (SCORING.md §11.2). */
  @Column({ type: 'integer', default: 100 })
  closeCallMarginHundredths: number;

  @Column({ type: 'boolean' })
  priceVisibleToPanel: boolean;

  @Column({ type: 'boolean' })
  blindMarking: boolean;

  @Column({ type: 'boolean' })
  equalRepresentation: boolean;

  /** How many different team members must approve closing (opening the box): 1 or 2. */
  @Column({ type: 'integer', default: 1 })
  openingApprovals: number;

  /** The approvals given so far (user id, time), oldest first; kept once the box is open. */
  @Column({ type: 'simple-json', nullable: true })
  openingApprovalsGiven: OpeningApproval[] | null;

  /**
   * When the panel must have finished scoring (optional, after the bid deadline): from then on
   * scores are no longer saved or submitted. Shown to the panel in plain words.
   */
  @Column({ type: Date, nullable: true })
  scoringDeadline: Date | null;

  /** Who people helping with the tender (the panel above all) contact: shown on every "Get help" page. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column({ type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ type: Date, nullable: true })
  closedAt: Date | null;

  @Column({ type: Date, nullable: true })
  moderationStartedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  awardedBidId: string | null;

  @Column({ type: Date, nullable: true })
  awardedAt: Date | null;

  @Column({ type: Date, nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
