import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import {
  CLARIFICATION_KINDS,
  CLARIFICATION_STATUSES,
  type ClarificationKind,
  type ClarificationStatus,
} from './clarification-rules';

/**
 * One entry of a tender's clarification log: a bidder's question (with the team's answer
 * once given), or a clarification the team issued on its own initiative (`notice`: no
 * question, published at once). Who asked is kept for the team and the record; bidders
 * and the panel see a published question without it.
 */
@Entity('clarifications')
@Check(oneOf('kind', CLARIFICATION_KINDS))
@Check(oneOf('status', CLARIFICATION_STATUSES))
@Check('"number" >= 1')
@Index(['tenderId', 'number'], { unique: true })
export class Clarification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  /** 1, 2, 3… per tender, in the order asked or issued: "Clarification 3". */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 10 })
  kind: ClarificationKind;

  @Column({ type: 'varchar', length: 20 })
  status: ClarificationStatus;

  /** The bidder's words; null for a notice. */
  @Column({ type: 'text', nullable: true })
  question: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  askedById: string | null;

  /** The asking bidder's organisation, so its colleagues see the question too. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  askedByOrganisationId: string | null;

  @Column({ type: Date, nullable: true })
  askedAt: Date | null;

  /** The team's answer, or the notice's text. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  answeredById: string | null;

  @Column({ type: Date, nullable: true })
  answeredAt: Date | null;

  /** Why the answer went to the asker alone (it reveals their commercial detail). */
  @Column({ type: 'text', nullable: true })
  privateReason: string | null;

  @Column({ type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  publishedById: string | null;
}
