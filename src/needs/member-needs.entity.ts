import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { isBoolean, oneOf } from '../database/checks';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import { DELETION_REQUESTERS, type ContactMethod, type DeletionRequester, type NeedFormat } from './domain/needs-rules';

/**
 * A panel member's communication and support needs, recorded with their consent. One row
 * per member. Deleted on the member's request (after the tender), the row stays as a
 * tombstone: the content is cleared, who deleted it, when and at whose request remain.
 */
@Entity('member_needs')
@Index(['panelMemberId'], { unique: true })
@Check(`${isBoolean('consentGiven')} AND "consentGiven" = true`)
@Check(oneOf('deletionRequestedBy', DELETION_REQUESTERS))
export class MemberNeeds {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  panelMemberId: string;

  // A member removed before evaluation leaves no record: their needs go with the seat.
  @ManyToOne('PanelMember', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panelMemberId' })
  panelMember?: PanelMember;

  /** Null once deleted (the tombstone keeps no content). */
  @Column({ type: 'simple-json', nullable: true })
  formats: NeedFormat[] | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  language: string | null;

  @Column({ type: 'simple-json', nullable: true })
  contactMethods: ContactMethod[] | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  supportName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  supportRelationship: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  supportContact: string | null;

  @Column({ type: 'text', nullable: true })
  meetingNeeds: string | null;

  /** Always true: nothing is stored without the member's agreement. */
  @Column({ type: 'boolean' })
  consentGiven: boolean;

  /** Who recorded the member's agreement (a team member, or the member in their own session), and when. */
  @Column({ type: 'varchar', length: 36 })
  consentRecordedById: string;

  @Column({ type: Date })
  consentRecordedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: Date, nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  deletedById: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  deletionRequestedBy: DeletionRequester | null;
}
