import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { atLeast, between, oneOf, SCALE_CEILING, SCALE_FLOOR } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { CATEGORIES, CRITERION_KINDS, type Category, type CriterionKind, type PanelGroup } from './domain';

/** One node of a tender's criteria tree. Weights in integer hundredths of a percent. */
@Entity('criteria')
@Check(oneOf('kind', CRITERION_KINDS))
@Check(oneOf('category', CATEGORIES))
@Check(between('weightHundredths', 0, 10_000))
@Check(between('thresholdHundredths', SCALE_FLOOR * 100, SCALE_CEILING * 100))
@Check(between('maxWords', 1, 20_000))
@Check(atLeast('order', 0))
@Index(['tenderId', 'code'], { unique: true })
export class Criterion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @ManyToOne(() => Criterion, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parent?: Criterion | null;

  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 12 })
  kind: CriterionKind;

  @Column({ type: 'varchar', length: 30, nullable: true })
  category: Category | null;

  @Column({ type: 'integer' })
  weightHundredths: number;

  /** Minimum criterion score (scale points, at most 2 decimals) in hundredths. */
  @Column({ type: 'integer', nullable: true })
  thresholdHundredths: number | null;

  @Column({ type: 'simple-json' })
  scoredBy: PanelGroup[];

  @Column({ type: 'simple-json', nullable: true })
  groupWeights: Partial<Record<PanelGroup, number>> | null;

  @Column({ type: 'integer', nullable: true })
  maxWords: number | null;

  @Column({ type: 'text', nullable: true })
  guidance: string | null;

  @Column({ type: 'text', nullable: true })
  plainGuidance: string | null;

  @Column({ type: 'integer', default: 0 })
  order: number;
}
