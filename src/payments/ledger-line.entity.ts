import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { penceColumn } from '../bids/pence.transformer';
import { atLeast, oneOf } from '../database/checks';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import {
  EXPENSE_TYPES,
  LEDGER_LINE_KINDS,
  LEDGER_LINE_STATUSES,
  PAYMENT_ACTIVITIES,
  RATE_BASES,
  type ExpenseType,
  type LedgerLineKind,
  type LedgerLineStatus,
  type PaymentActivity,
  type RateBasis,
} from './domain/payment-rules';

/**
 * One line of a lay member's ledger: time (activity, minutes, the rate it was claimed at and the
 * amount that gives) or an expense (type, amount, receipt note). claimed → approved | rejected.
 */
@Entity('payment_ledger_lines')
@Check(oneOf('kind', LEDGER_LINE_KINDS))
@Check(oneOf('status', LEDGER_LINE_STATUSES))
@Check(oneOf('activity', PAYMENT_ACTIVITIES))
@Check(oneOf('expenseType', EXPENSE_TYPES))
@Check(oneOf('rateBasis', RATE_BASES))
@Check(atLeast('amountPence', 0))
@Index(['tenderId', 'panelMemberId'])
export class LedgerLine {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne('PanelMember', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  member?: PanelMember;

  @Column({ type: 'varchar', length: 10 })
  kind: LedgerLineKind;

  /** The day the time was given or the cost arose, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  occurredOn: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  activity: PaymentActivity | null;

  @Column({ type: 'integer', nullable: true })
  minutes: number | null;

  /** The rate when the line was claimed: a later change of the tender's rates does not rewrite it. */
  @Column({ type: 'integer', nullable: true })
  ratePence: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  rateBasis: RateBasis | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  expenseType: ExpenseType | null;

  @Column({ ...penceColumn() })
  amountPence: number;

  /** What it was for; for an expense, the receipt (or why there is none). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: LedgerLineStatus;

  @Column({ type: 'varchar', length: 36 })
  claimedById: string;

  @Column({ type: Date })
  claimedAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById: string | null;

  @Column({ type: Date, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;
}
