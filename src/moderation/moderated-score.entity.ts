import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import type { Criterion } from '../criteria/criterion.entity';
import { atLeast, between, SCALE_CEILING, SCALE_FLOOR } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import type { User } from '../users/user.entity';

/**
 * One version of the consensus score of a bid on a scored criterion. Every change adds a
 * row with the next `version` (1, 2, 3…); nothing is updated or deleted, so the record
 * shows how moderation got there. The unique (bidId, criterionId, version) index makes
 * two concurrent writers of the same version fail instead of both landing.
 *
 * Read by the results and exports features: the criterion score is the row with the
 * highest `version` for (bidId, criterionId).
 */
@Entity('moderated_scores')
@Check(between('score', SCALE_FLOOR, SCALE_CEILING))
@Check(atLeast('version', 1))
@Index(['bidId', 'criterionId', 'version'], { unique: true })
@Index(['tenderId'])
export class ModeratedScore {
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

  @Column({ type: 'integer' })
  version: number;

  /** An integer on the tender's scale. */
  @Column({ type: 'integer' })
  score: number;

  /** Why the panel agreed this score; trimmed, non-empty. */
  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'varchar', length: 36 })
  moderatedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'moderatedById' })
  moderatedBy?: User;

  @Column({ type: Date })
  moderatedAt: Date;
}
