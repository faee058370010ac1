import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PanelMember } from '../panel/panel-member.entity';
import type { User } from '../users/user.entity';

/**
 * A browser session. The cookie holds a random token; only its SHA-256 hash is stored, so
 * a copy of the database opens no session. Every instance reads the same rows, so signing
 * out (or deactivating the account) ends the session everywhere at once. A visitor who
 * has not signed in yet gets a row too (userId null): it carries the CSRF token of the
 * sign-in and invitation forms, and is replaced by a new row at sign-in.
 */
@Entity('web_sessions')
export class WebSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @ManyToOne('User', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'userId' })
  user?: User | null;

  /** A session opened by a panel invitation reaches this one seat only (Caller.seat). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  seatTenderId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  seatPanelMemberId: string | null;

  @ManyToOne('PanelMember', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'seatPanelMemberId' })
  seat?: PanelMember | null;

  /** The synchroniser token every form of this session posts back (csrf-sync). */
  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ type: Date })
  createdAt: Date;

  /** Idle timeout: the session ends `sessionIdleMinutes` after this. */
  @Index()
  @Column({ type: Date })
  lastSeenAt: Date;
}
