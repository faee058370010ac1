import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Criterion } from '../criteria/criterion.entity';
import { isBoolean } from '../database/checks';
import { Bid } from './bid.entity';

/**
 * The current outcome of one pass/fail gate for one bid. Re-recording replaces it; every
 * change is in the audit trail with before and after.
 */
@Entity('bid_compliance')
@Check(isBoolean('passed'))
@Index(['bidId', 'criterionId'], { unique: true })
export class ComplianceRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne(() => Bid, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  /** A pass_fail leaf of the bid's tender. */
  @Column({ type: 'varchar', length: 36 })
  criterionId: string;

  @ManyToOne('Criterion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterionId' })
  criterion?: Criterion;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'varchar', length: 36 })
  recordedById: string;

  @Column({ type: Date })
  recordedAt: Date;
}
