import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '../users/user.entity';

/**
 * The first answer to a creating request sent with an `Idempotency-Key`, kept 24 hours so a
 * retry gets it again instead of creating a second resource (docs/DESIGN.md, "Idempotent
 * creation"). Written in the same transaction as the work it answers.
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  /** SHA-256 of (caller, method, path, key): a key means something only for one caller on one route. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scopeHash: string;

  /** Null for anonymous routes (supplier registration). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  callerId: string | null;

  @ManyToOne('User', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'callerId' })
  caller?: User | null;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 of the request body as canonical JSON (keys sorted). */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  /** Null only inside the transaction that is doing the work. */
  @Column({ type: 'integer', nullable: true })
  status: number | null;

  /** The response body, encrypted (AES-256-GCM): answers can carry secrets such as an invitation token. */
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Index()
  @Column({ type: Date })
  createdAt: Date;
}
