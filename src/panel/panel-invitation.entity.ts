import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tender } from '../tenders/tender.entity';
import { PanelMember } from './panel-member.entity';

/**
 * A one-time sign-in link for a panel member. Only the SHA-256 hash of the token is
 * stored; the token itself is shown once, to the team member who issued it. Redemption
 * sets `usedAt` with a conditional update, so a token signs in at most once.
 */
@Entity('panel_invitations')
@Index(['panelMemberId', 'issuedAt'])
export class PanelInvitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne(() => PanelMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  panelMember?: PanelMember;

  /** Hex SHA-256 of the token. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: Date })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  issuedById: string;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  usedAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
