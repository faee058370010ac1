import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import { PAYMENT_CHOICES, type PaymentChoice } from './domain/payment-rules';

/**
 * A lay member's payment record on one tender: the payment reference finance sees (never the
 * pseudonym) and the member's choice (paid, vouchers, declined), with when and who recorded it.
 * Made on the first line or choice.
 */
@Entity('payment_accounts')
@Check(oneOf('choice', PAYMENT_CHOICES))
@Index(['reference'], { unique: true })
export class PaymentAccount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne('PanelMember', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  member?: PanelMember;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 20 })
  reference: string;

  /** Null until the member (or the team, on their word) records one. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  choice: PaymentChoice | null;

  @Column({ type: Date, nullable: true })
  choiceAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  choiceById: string | null;

  @Column({ type: Date })
  createdAt: Date;
}
