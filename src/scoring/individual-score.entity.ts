import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import type { Criterion } from '../criteria/criterion.entity';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import { between, oneOf, SCALE_CEILING, SCALE_FLOOR } from '../database/checks';
import { SCORE_STATUSES, type ScoreStatus } from './domain/scoring-rules';

/**
 * One panel member's score of one bid on one scored criterion. A draft may be changed;
 * once `submitted` (per bid, all criteria at once) it is never changed or deleted, and
 * moderation adds a consensus score on top (SCORING.md §8).
 *
 * Read by the results and exports features: tenderId, bidId, criterionId, panelMemberId,
 * score, rationale, status, savedAt, submittedAt are a contract. Only `submitted` scores
 * of members without a conflict on the bid count.
 */
@Entity('individual_scores')
@Check(between('score', SCALE_FLOOR, SCALE_CEILING))
@Check(oneOf('status', SCORE_STATUSES))
@Index(['panelMemberId', 'bidId', 'criterionId'], { unique: true })
// The results' read (scoreCellEntries: every score grouped per bid × criterion) from the index
// alone (covering): no table row is visited for the 144 000 scores of a large tender.
@Index(['tenderId', 'bidId', 'criterionId', 'panelMemberId', 'score', 'status'])
// The task list counts a member's scores per bid and status from the index alone (covering).
@Index(['panelMemberId', 'status', 'bidId', 'criterionId'])
export class IndividualScore {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne('Bid', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  @Column({ type: 'varchar', length: 36 })
  criterionId: string;

  @ManyToOne('Criterion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterionId' })
  criterion?: Criterion;

  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne('PanelMember', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  panelMember?: PanelMember;

  /** An integer on the tender's scale. */
  @Column({ type: 'integer' })
  score: number;

  /** Trimmed, non-empty. */
  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'varchar', length: 10 })
  status: ScoreStatus;

  /** Last saved (the draft's latest change, or the submitted value's). */
  @Column({ type: Date })
  savedAt: Date;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;
}
