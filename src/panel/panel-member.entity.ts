import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PanelGroup } from '../criteria/domain';
import type { Tender } from '../tenders/tender.entity';
import type { User } from '../users/user.entity';

/**
 * A seat on a tender's evaluation panel: a panelist account, its group (lived experience
 * or professional) and a free role label. Lived-experience members are shown under a
 * pseudonym by `joinOrder` wherever the record is read (see `pseudonymFor`).
 *
 * Read by the results and exports features: id, tenderId, userId, group, roleLabel,
 * joinOrder, joinedAt are a contract.
 */
@Entity('panel_members')
@Index(['tenderId', 'userId'], { unique: true })
@Index(['tenderId', 'joinOrder'], { unique: true })
export class PanelMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  // RESTRICT: an account that sat on a panel stays on the record (deactivate it instead).
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  group: PanelGroup;

  /** "service user", "carer", "young person", "clinician"… as the team describes the seat. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  roleLabel: string | null;

  /** 1, 2, 3… within the tender, in the order members joined: pseudonyms follow it. */
  @Column({ type: 'integer' })
  joinOrder: number;

  @Column({ type: Date })
  joinedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  addedById: string;

  /**
   * The name and email the team typed when adding the person by email. Until the person
   * accepts the seat (`acceptedAt`), the team sees these, never the account's own details:
   * adding by email must not reveal whether an account exists. Null when added by userId.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  /** When the person first signed in for this seat: redeemed its invitation, or signed in with their password. */
  @Column({ type: Date, nullable: true })
  acceptedAt: Date | null;
}
