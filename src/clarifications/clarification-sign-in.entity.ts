import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * When a bidder last signed in to the pages, and the time before, so the opportunities page
 * can say "3 new answers since you last signed in". One row per bidder account, moved on at
 * each sign-in (registration included); nothing else is kept.
 */
@Entity('clarification_sign_ins')
export class ClarificationSignIn {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** The sign-in of the session in use. */
  @Column({ type: Date })
  lastSignInAt: Date;

  /** The sign-in before it: answers published after it are new. Null at the first sign-in. */
  @Column({ type: Date, nullable: true })
  previousSignInAt: Date | null;
}
