import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Criterion } from '../criteria/criterion.entity';
import { BidVersion } from './bid-version.entity';

/**
 * An outcome the bidder commits to ("people back in work", measured by "job starts",
 * target 40 from a baseline of 12 by 2028-03-31). `target` and `baseline` are kept exact
 * as canonical decimal strings ("40", "12.5"): never binary floats, and large social-value
 * figures in pounds fit.
 */
@Entity('bid_commitments')
@Index(['versionId', 'position'], { unique: true })
export class BidCommitment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  versionId: string;

  @ManyToOne(() => BidVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'versionId' })
  version?: BidVersion;

  /** Order as the bidder gave them. */
  @Column({ type: 'integer' })
  position: number;

  /** The wider-outcome criterion (social, economic or environmental) it answers, if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  criterionId: string | null;

  @ManyToOne('Criterion', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'criterionId' })
  criterion?: Criterion | null;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text' })
  measure: string;

  /** Canonical decimal string, e.g. "40" or "12.5". */
  @Column({ type: 'varchar', length: 40 })
  target: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  baseline: string | null;

  /** A calendar date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  byDate: string | null;
}
