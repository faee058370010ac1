import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { isBoolean, oneOf } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from '../users/organisation.entity';
import type { User } from '../users/user.entity';
import { BID_STATUSES, type BidStatus } from './domain';
import { BidVersion } from './bid-version.entity';

/**
 * A bid on a tender: who bids, and which of its versions count. The content (price,
 * consortium, responses, commitments) lives in versions: the submitted version counts
 * until a newer one is submitted; an edit after submission opens a draft version.
 *
 * Read by the panel and results features: id, tenderId, status, bidderName, submittedAt,
 * submittedVersionId are a contract.
 */
@Entity('bids')
@Check(oneOf('status', BID_STATUSES))
@Check(oneOf('organisationType', ORGANISATION_TYPES))
@Check(isBoolean('paper'))
// One live bid per bidder on a tender, held by the database itself (see `activeKey`).
@Index(['tenderId', 'activeKey'], { unique: true })
export class Bid {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  /** The bidder account that owns the bid; null for a paper bid entered by the team. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bidderUserId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'bidderUserId' })
  bidderUser?: User | null;

  /** The bidder account's organisation; null for a paper bid. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @ManyToOne('Organisation', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation | null;

  /** As in the counted version (or the draft while nothing is submitted). */
  @Column({ type: 'varchar', length: 200 })
  bidderName: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  organisationType: OrganisationType | null;

  /** Received on paper and entered by the tender team. */
  @Column({ type: 'boolean' })
  paper: boolean;

  /** Who created the bid: the bidder, or the team member who entered a paper bid. */
  @Column({ type: 'varchar', length: 36 })
  enteredById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enteredById' })
  enteredBy?: User;

  /**
   * `org:<organisationId>` or `paper:<lower-cased name>` while the bid is live; null once
   * withdrawn. The unique (tenderId, activeKey) index makes "one bid per organisation"
   * hold under concurrent requests on both drivers (NULLs never collide).
   */
  @Column({ type: 'varchar', length: 240, nullable: true })
  activeKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: BidStatus;

  /** When the counted version was submitted (server clock). */
  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  /** The version that counts; null until the first submission. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedVersionId: string | null;

  @ManyToOne(() => BidVersion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'submittedVersionId' })
  submittedVersion?: BidVersion | null;

  /** The version being edited; null when there are no unsubmitted changes. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  draftVersionId: string | null;

  @ManyToOne(() => BidVersion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'draftVersionId' })
  draftVersion?: BidVersion | null;

  @Column({ type: Date, nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: Date, nullable: true })
  disqualifiedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  disqualifiedById: string | null;

  @Column({ type: 'text', nullable: true })
  disqualificationReason: string | null;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
