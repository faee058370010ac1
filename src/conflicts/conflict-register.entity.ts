import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import { Tender } from '../tenders/tender.entity';
import { REGISTER_SUBJECTS, type RegisterSubject } from './domain/conflict-register';

/**
 * The declarations register (ss.81–83), append-only: one row per statement, never updated.
 * `panel_bid`: a panel member's statement on one bid (subjectId is the conflict_declarations
 * row, which holds only the current one); `team`: a tender team member's on the tender
 * (subjectId is their account). A re-declaration is the next version of the same subject.
 */
@Entity('conflict_declaration_versions')
@Index(['tenderId', 'subject', 'subjectId', 'version'], { unique: true })
@Check(oneOf('subject', REGISTER_SUBJECTS))
export class DeclarationVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 16 })
  subject: RegisterSubject;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  /** panel_bid only. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  panelMemberId: string | null;

  /** panel_bid only. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bidId: string | null;

  /** team only: the declaring account. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean' })
  conflict: boolean;

  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Column({ type: Date })
  declaredAt: Date;
}

/** What the team does about one conflict; a new text is the next version, the earlier ones stay. */
@Entity('conflict_mitigations')
@Index(['tenderId', 'subject', 'subjectId', 'version'], { unique: true })
@Check(oneOf('subject', REGISTER_SUBJECTS))
export class ConflictMitigation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'varchar', length: 16 })
  subject: RegisterSubject;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 36 })
  recordedById: string;

  @Column({ type: Date })
  recordedAt: Date;
}

/** The team's review of the conflicts assessment: each one a revision of the document. */
@Entity('conflict_reviews')
@Index(['tenderId', 'revision'], { unique: true })
export class ConflictReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenderId: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenderId' })
  tender?: Tender;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 36 })
  reviewedById: string;

  @Column({ type: Date })
  reviewedAt: Date;
}
