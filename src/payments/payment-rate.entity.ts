import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { between, oneOf } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { MAX_RATE_PENCE, PAYMENT_ACTIVITIES, RATE_BASES, type PaymentActivity, type RateBasis } from './domain/payment-rules';

/**
 * A tender's rate for one activity (its own table: the tenders table is not altered).
 * Changing it changes no line already claimed or decided: each line keeps the rate it was claimed at.
 */
@Entity('payment_rates')
@Check(oneOf('activity', PAYMENT_ACTIVITIES))
@Check(oneOf('basis', RATE_BASES))
@Check(between('ratePence', 0, MAX_RATE_PENCE))
@Index(['tenderId', 'activity'], { unique: true })
export class PaymentRate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 20 })
  activity: PaymentActivity;

  @Column({ type: 'varchar', length: 10 })
  basis: RateBasis;

  @Column({ type: 'integer' })
  ratePence: number;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;
}
