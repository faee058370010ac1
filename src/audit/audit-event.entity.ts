import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { atLeast, oneOf } from '../database/checks';

/**
 * `bid_content`: hidden while bids are sealed; `score`: score values hidden until
 * moderation; `secret`: never shown (none today, kept for tokens and the like).
 */
export const AUDIT_SENSITIVITIES = ['public', 'bid_content', 'score'] as const;
export type AuditSensitivity = (typeof AUDIT_SENSITIVITIES)[number];

/**
 * Append-only audit trail, one hash chain per tender plus the service chain
 * (docs/DESIGN.md, "The audit trail"). Each row's hash covers its content and the previous
 * row's hash in its chain, so an edited or deleted row breaks the chain; each chain's head
 * (a separate row) records its newest seq and hash, so deleting the newest rows is detected
 * too; and the service chain anchors every tender chain's head from time to time, so a
 * tender's whole chain cannot be deleted or rewound unseen.
 */
@Entity('audit_events')
@Check(oneOf('sensitivity', AUDIT_SENSITIVITIES))
@Check(atLeast('seq', 1))
export class AuditEvent {
  /** `chainOf(tenderId)` (audit-chain.ts): not hashed itself, since it follows from the hashed tenderId. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  chain: string;

  /** The event's place in its chain, from 1. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: Date })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  tenderId: string | null;

  /** What the audit endpoint may show when: see AuditService.present. */
  @Column({ type: 'varchar', length: 16 })
  sensitivity: AuditSensitivity;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/** One row per chain: `id` is the chain (a tender's id, or `service`). */
@Entity('audit_chain_head')
@Check(atLeast('seq', 0))
export class AuditChainHead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
