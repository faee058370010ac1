import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLARIFICATION_KINDS,
  CLARIFICATION_STATUSES,
  type ClarificationKind,
  type ClarificationStatus,
} from '../clarification-rules';

export class ClarificationAskerResponse {
  @ApiProperty({ example: 'Camden Mind' }) organisationName: string;
  @ApiProperty({ example: 'Priya Shah' }) name: string;
}

/**
 * One entry of the clarification log as the caller may see it. The asker is named to the
 * team only (`askedBy`); a bidder sees `yours: true` on its own organisation's questions.
 */
export class ClarificationResponse {
  @ApiProperty({ example: '3c9b2f1e-7a44-4d6e-9b0a-1f2e3d4c5b6a' }) id: string;
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: 3, description: '1, 2, 3… per tender in the order asked or issued.' }) number: number;
  @ApiProperty({
    enum: CLARIFICATION_KINDS,
    example: 'question',
    description: 'question: asked by a bidder; notice: issued by the team on its own initiative.',
  })
  kind: ClarificationKind;
  @ApiProperty({ enum: CLARIFICATION_STATUSES, example: 'published' }) status: ClarificationStatus;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Can the service be delivered from two sites rather than one?' })
  question: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Yes. Both sites must be within the borough and open the same hours.',
  })
  answer: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-05T10:00:00.000Z' }) askedAt:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-06T15:30:00.000Z' }) answeredAt:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-06T15:30:00.000Z' }) publishedAt:
    string | null;
  @ApiProperty({ example: false, description: "A bidder's own organisation asked it." }) yours: boolean;
  @ApiPropertyOptional({
    type: ClarificationAskerResponse,
    nullable: true,
    description: 'Who asked: the team only; null for everyone else and for notices.',
  })
  askedBy: ClarificationAskerResponse | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'Why the answer is private: the team and the asker only.',
  })
  privateReason: string | null;
}
