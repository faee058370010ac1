import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A one-time password reset link issued by an admin. Only the SHA-256 hash of the token is
 * stored; the token travels once, in the link the admin passes on. Redemption sets `usedAt`
 * with a conditional update, so a link sets a password at most once.
 */
@Entity('password_resets')
@Index(['userId', 'issuedAt'])
export class PasswordReset {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

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

  /** Set when a newer link for the same account replaces this one. */
  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
