import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import { between, oneOf } from '../database/checks';
import { FACT_CHECK_OUTCOMES, MAX_WORKING_DAYS, MIN_WORKING_DAYS, type FactCheckOutcome } from './domain/fact-check';
import { EasyReadVersion } from './easy-read-version.entity';

/**
 * A version sent to its bidder to fact-check (at most once per version), and the bidder's
 * answer once given. "No response" is not stored: it is read from `respondBy` and the clock.
 */
@Entity('easy_read_fact_checks')
@Check(oneOf('outcome', FACT_CHECK_OUTCOMES))
@Check(between('workingDays', MIN_WORKING_DAYS, MAX_WORKING_DAYS))
@Index(['bidId'])
export class EasyReadFactCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, unique: true })
  versionId: string;

  @OneToOne(() => EasyReadVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'versionId' })
  version?: EasyReadVersion;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne('Bid', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  @Column({ type: 'varchar', length: 36 })
  sentById: string;

  @Column({ type: Date })
  sentAt: Date;

  @Column({ type: 'integer' })
  workingDays: number;

  @Column({ type: Date })
  respondBy: Date;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: FactCheckOutcome | null;

  /** The bidder's comment (required with "commented"; optional with "approved"). */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  respondedById: string | null;

  @Column({ type: Date, nullable: true })
  respondedAt: Date | null;
}
