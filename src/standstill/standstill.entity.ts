import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { UK_NATIONS, type UkNation } from './domain/working-days';

/** mandatory: s.51 applies; voluntary: the buyer keeps one although exempt; none: exempt and not kept. */
export const STANDSTILL_KINDS = ['mandatory', 'voluntary', 'none'] as const;
export type StandstillKind = (typeof STANDSTILL_KINDS)[number];

/**
 * A tender's after-award record (docs/AFTER-AWARD.md): the standstill settings, when the
 * contract award notice was published (and so when the standstill ends), when the contract
 * was entered into, and — when the buyer decides not to award — when the procurement
 * termination notice was published. One row per tender, made when first needed.
 */
@Entity('standstills')
@Check(oneOf('nation', UK_NATIONS))
@Check(oneOf('kind', STANDSTILL_KINDS))
export class Standstill {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenderId: string;

  @OneToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 24, default: 'england-and-wales' })
  nation: UkNation;

  @Column({ type: 'varchar', length: 16, default: 'mandatory' })
  kind: StandstillKind;

  @Column({ type: Date, nullable: true })
  noticePublishedAt: Date | null;

  @Column({ type: Date, nullable: true })
  endsAt: Date | null;

  @Column({ type: Date, nullable: true })
  contractEnteredAt: Date | null;

  @Column({ type: Date, nullable: true })
  terminationNoticePublishedAt: Date | null;
}

/** A challenge received during the standstill: the contract may not be entered into until it is lifted. */
@Entity('standstill_challenges')
@Index(['tenderId', 'receivedAt'])
export class StandstillChallenge {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: Date })
  receivedAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ type: Date, nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  liftedReason: string | null;
}
