import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import type { IndividualScore } from '../scoring/individual-score.entity';
import type { Tender } from '../tenders/tender.entity';
import type { User } from '../users/user.entity';
import { SCORE_ENTRY_METHODS, type ScoreEntryMethod } from './domain/assisted-rules';

/**
 * Provenance of an individual score entered by someone other than the member: who entered
 * it, how (the member present, their paper form, their offline workbook), when, and when the
 * member confirmed it in their own session. One row per individual score, rewritten by each
 * entry on the member's behalf; a new table, so `individual_scores` (and its triggers) stays
 * as it is. The member saving the score again themselves (`savedAt` after `enteredAt`) makes
 * it their own again; the row stays, as history.
 */
@Entity('score_entries')
@Check(oneOf('method', SCORE_ENTRY_METHODS))
@Index(['individualScoreId'], { unique: true })
@Index(['tenderId'])
export class ScoreEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  individualScoreId: string;

  @ManyToOne('IndividualScore', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'individualScoreId' })
  individualScore?: IndividualScore;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne('Tender', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 36 })
  enteredById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enteredById' })
  enteredBy?: User;

  @Column({ type: 'varchar', length: 20 })
  method: ScoreEntryMethod;

  @Column({ type: Date })
  enteredAt: Date;

  @Column({ type: Date, nullable: true })
  confirmedByMemberAt: Date | null;
}
