import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import type { Tender } from '../tenders/tender.entity';
import type { SummarySection } from './domain/template-rules';

/**
 * One version of a bid's easy-read summary, as the team wrote it. Append-only: a change is
 * a new version (numbered 1, 2, 3… per bid); no version is ever updated or deleted while
 * its bid exists. The headings and the word limit are kept as written, so a version can be
 * checked against the template it was written under.
 */
@Entity('easy_read_versions')
@Check('"number" >= 1')
@Index(['bidId', 'number'], { unique: true })
export class EasyReadVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  bidId: string;

  @ManyToOne('Bid', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bidId' })
  bid?: Bid;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'simple-json' })
  sections: SummarySection[];

  @Column({ type: 'integer' })
  wordLimit: number;

  @Column({ type: 'varchar', length: 36 })
  writtenById: string;

  @Column({ type: Date })
  writtenAt: Date;
}
