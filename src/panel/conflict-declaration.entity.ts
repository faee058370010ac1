import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import type { Tender } from '../tenders/tender.entity';
import { PanelMember } from './panel-member.entity';

/**
 * A panel member's declaration of interest on one submitted bid, made before they see
 * any bid content. `conflict: true` hides the bid from them and makes their scores on it
 * unusable (SCORING.md §3.2). The only change allowed is no conflict → conflict
 * (`escalatedAt`); the audit trail keeps the earlier statement.
 *
 * Read by the results and exports features: panelMemberId, bidId, conflict, details,
 * declaredAt, escalatedAt are a contract.
 */
@Entity('conflict_declarations')
@Index(['panelMemberId', 'bidId'], { unique: true })
@Index(['tenderId', 'bidId'])
export class ConflictDeclaration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne(() => PanelMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  panelMember?: PanelMember;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne('Bid', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  @Column({ type: 'boolean' })
  conflict: boolean;

  /** What the interest is; required when `conflict`. */
  @Column({ type: 'text', nullable: true })
  details: string | null;

  /** The first declaration. */
  @Column({ type: Date })
  declaredAt: Date;

  /** When a "no conflict" was changed to a conflict; null otherwise. */
  @Column({ type: Date, nullable: true })
  escalatedAt: Date | null;
}
