import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity';

export class AuditEventResponse {
  @ApiProperty({ example: 42 }) seq: number;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) occurredAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ example: 'tender.publish' }) action: string;
  @ApiProperty({ example: 'tender' }) entityType: string;
  @ApiPropertyOptional({ type: String, nullable: true }) entityId: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'null when withheld (sealed bid content, scores before moderation)',
  })
  before: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) after: unknown;
  @ApiProperty({ example: false, description: 'true when before/after are withheld at this stage' }) redacted: boolean;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) hash: string;

  static from(event: AuditEvent, hide: { bid_content: boolean; score: boolean }): AuditEventResponse {
    const redacted = (event.sensitivity === 'bid_content' && hide.bid_content) || (event.sensitivity === 'score' && hide.score);
    return {
      seq: event.seq,
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: redacted ? null : event.before,
      after: redacted ? null : event.after,
      redacted,
      hash: event.hash,
    };
  }
}

class ChainLinkBreakResponse {
  @ApiProperty({ example: 17 }) seq: number;
  @ApiProperty({ example: 'content does not match its hash (row edited)' }) reason: string;
}

class ChainBreakResponse extends ChainLinkBreakResponse {
  @ApiProperty({ example: 'service', description: "the chain the link belongs to: a tender's id, or `service`" }) chain: string;
}

class ChainResultResponse {
  @ApiProperty({
    example: '0b1f6c9e-3c52-4d84-9c2f-4b6e1f1b2a10',
    description: "a tender's id, or `service` (accounts and the anchors of tender chains)",
  })
  chain: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ example: 64, description: 'events checked in this chain' }) checked: number;
  @ApiProperty({ example: 64, description: "the chain head's seq" }) headSeq: number;
  @ApiProperty({ type: [ChainLinkBreakResponse] }) broken: ChainLinkBreakResponse[];
}

export class ChainVerificationResponse {
  @ApiProperty({ description: 'true when every chain checked, and every anchor, holds' }) ok: boolean;
  @ApiProperty({ example: 120, description: 'events checked, all chains' }) checked: number;
  @ApiProperty({ example: 120, description: "the sum of the chain heads' seqs (the events there should be)" }) headSeq: number;
  @ApiProperty({ type: [ChainBreakResponse] }) broken: ChainBreakResponse[];
  @ApiProperty({ type: [ChainResultResponse], description: 'one entry per chain, the service chain first' })
  chains: ChainResultResponse[];
}
