import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { atLeast, oneOf } from '../database/checks';
import { ORGANISATION_TYPES, type OrganisationType } from '../users/organisation.entity';
import { BID_VERSION_STATUSES, type BidVersionStatus } from './domain';
import { Bid } from './bid.entity';
import { penceColumn } from './pence.transformer';

/**
 * One version of a bid's content. Versions are never deleted: a submitted version becomes
 * `superseded` when a later one is submitted, so the record shows every offer made.
 */
@Entity('bid_versions')
@Check(oneOf('status', BID_VERSION_STATUSES))
@Check(oneOf('organisationType', ORGANISATION_TYPES))
@Check(atLeast('pricePence', 0))
@Check(atLeast('number', 1))
@Index(['bidId', 'number'], { unique: true })
export class BidVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne(() => Bid, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  /** 1, 2, 3… within the bid. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 12 })
  status: BidVersionStatus;

  @Column({ type: 'varchar', length: 200 })
  bidderName: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  organisationType: OrganisationType | null;

  /** Names of the consortium members (the bidder leads); empty for a single bidder. */
  @Column({ type: 'simple-json' })
  consortium: string[];

  /** Integer pence, > 0: £1,234.50 is 123450. bigint so tenders above £21m fit. */
  @Column(penceColumn())
  pricePence: number;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedById: string | null;
}
