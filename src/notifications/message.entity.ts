import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { atLeast, oneOf } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { MESSAGE_KINDS, MESSAGE_STATUSES, type MessageKind, type MessageStatus } from './domain/outbox-rules';

/**
 * The outbox: one row per email the service means to send, written in the same
 * transaction as the change it tells of (a rolled-back change sends nothing). The sender
 * loop delivers it; see docs/DESIGN.md, "The outbox".
 */
@Entity('messages')
@Check(oneOf('kind', MESSAGE_KINDS))
@Check(oneOf('status', MESSAGE_STATUSES))
@Check(atLeast('attempts', 0))
@Index(['status', 'nextAttemptAt'])
@Index(['tenderId', 'createdAt'])
export class Message {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 40 })
  kind: MessageKind;

  /** The panel member or account it is for (the team page names them; the address alone may not). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  recipientId: string | null;

  /** The email address; empty when there is none (then the message is suppressed). */
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The body holds a one-time link or code: the team page shows it masked. */
  @Column({ type: 'boolean', default: false })
  secret: boolean;

  @Column({ type: 'varchar', length: 20 })
  status: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: Date, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;

  @Column({ type: Date })
  createdAt: Date;

  /** A message sent at most once (a reminder per member and day count): a second insert fails the unique index. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;
}

/** A tender's notification settings: when reminders go before the scoring deadline. */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  /** Days before the scoring deadline a reminder goes to each member with bids to score, e.g. [7, 1]; [] for none. */
  @Column({ type: 'simple-json' })
  reminderDaysBefore: number[];
}
