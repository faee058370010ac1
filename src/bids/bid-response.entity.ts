import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Criterion } from '../criteria/criterion.entity';
import { BidVersion } from './bid-version.entity';

/** A bid version's written answer to one leaf criterion (scored, or evidence for a gate). */
@Entity('bid_responses')
@Index(['versionId', 'criterionId'], { unique: true })
export class BidResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  versionId: string;

  @ManyToOne(() => BidVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'versionId' })
  version?: BidVersion;

  @Column({ type: 'varchar', length: 36 })
  criterionId: string;

  @ManyToOne('Criterion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterionId' })
  criterion?: Criterion;

  /** At most 20 000 characters, and the criterion's maxWords when it sets one. */
  @Column({ type: 'text' })
  text: string;
}
