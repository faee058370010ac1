import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PanelMember } from '../../panel/panel-member.entity';

/**
 * "Come back later on the same phone" (docs/WEB.md): the browser that redeemed a panel
 * invitation keeps a long-lived, HttpOnly cookie naming this row (stored hashed). It opens
 * a new session for that one seat — never anything else — while scoring is open, until the
 * team issues the member a new link (which retires every device of the seat).
 */
@Entity('panel_devices')
export class PanelDevice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  @ManyToOne('PanelMember', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  panelMember?: PanelMember;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  lastUsedAt: Date;
}
