import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '../users/user.entity';
import { Tender } from './tender.entity';

export type TeamRole = 'owner' | 'commissioner' | 'procurement';

/** The tender's team: its creator (owner) plus commissioners and procurement added by the owner. */
@Entity('tender_team_members')
@Index(['tenderId', 'userId'], { unique: true })
export class TenderTeamMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: TeamRole;

  @CreateDateColumn()
  addedAt: Date;
}
