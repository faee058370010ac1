import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Tender } from '../tenders/tender.entity';
import { PanelMember } from './panel-member.entity';

/**
 * A one-time sign-in link (and its short code) for a panel member. Only hashes are stored;
 * the token and code are shown once, to the team member who issued them. Redemption by
 * either sets `usedAt` with a conditional update, so an invitation signs in at most once.
 */
@Entity('panel_invitations')
@Index(['panelMemberId', 'issuedAt'])
export class PanelInvitation {
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

  /** Hex SHA-256 of the token. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /**
   * Keyed hash (HMAC-SHA256, see `hashInvitationCode`) of the short typeable code issued with
   * the token: same lifetime and single use. Null for invitations issued before codes existed.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  codeHash: string | null;

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
