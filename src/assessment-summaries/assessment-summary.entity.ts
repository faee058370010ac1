import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import { Bid } from '../bids/bid.entity';
import { Tender } from '../tenders/tender.entity';
import { SUMMARY_STATUSES, type SummaryStatus } from './domain/summary-status';

/**
 * One assessed bid's assessment summary (Procurement Act 2023 s.50(3)–(5), docs/AFTER-AWARD.md):
 * its place in draft → approved → sent. Numbers are never stored here: every score, sub-total
 * and total is read from the evaluation (the engine) whenever the summary is shown, and the
 * tender is frozen from the award on, so they are the figures of the award. The words are in
 * `assessment_summary_versions`, append-only.
 */
@Entity('assessment_summaries')
@Index(['tenderId', 'bidId'], { unique: true })
@Check(oneOf('status', SUMMARY_STATUSES))
export class AssessmentSummary {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne(() => Bid, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  @Column({ type: 'varchar', length: 16 })
  status: SummaryStatus;

  /** The newest version of the words: the one shown, approved and sent. */
  @Column({ type: 'integer' })
  currentVersion: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  approvedById: string | null;

  @Column({ type: Date, nullable: true })
  approvedAt: Date | null;

  /** The day the team sent it (YYYY-MM-DD, the team's own record). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  sentOn: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sentRecordedById: string | null;

  @Column({ type: Date, nullable: true })
  sentRecordedAt: Date | null;
}

/** The explanation texts of one summary, one row per edit; never updated. */
@Entity('assessment_summary_versions')
@Index(['summaryId', 'version'], { unique: true })
export class AssessmentSummaryVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  summaryId: string;

  @ManyToOne(() => AssessmentSummary, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'summaryId' })
  summary?: AssessmentSummary;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @Column({ type: 'integer' })
  version: number;

  /** Criterion id → the explanation of its score, referring to the bid. */
  @Column({ type: 'simple-json' })
  explanations: Record<string, string>;

  @Column({ type: 'text' })
  overall: string;

  @Column({ type: 'varchar', length: 36 })
  editedById: string;

  @Column({ type: Date })
  editedAt: Date;
}
