import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { between } from '../database/checks';
import type { Tender } from '../tenders/tender.entity';
import { MAX_WORD_LIMIT, MIN_WORD_LIMIT } from './domain/template-rules';

/**
 * A tender's easy-read template: the headings every bid's summary has, in order, and the
 * words allowed under each. No row: the default template (domain/template-rules.ts).
 */
@Entity('easy_read_templates')
@Check(between('wordLimit', MIN_WORD_LIMIT, MAX_WORD_LIMIT))
export class EasyReadTemplate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenderId: string;

  @OneToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'simple-json' })
  headings: string[];

  @Column({ type: 'integer' })
  wordLimit: number;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;

  @Column({ type: Date })
  updatedAt: Date;
}
