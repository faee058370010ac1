import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_HEADINGS, DEFAULT_WORD_LIMIT } from '../domain/template-rules';
import { FACT_CHECK_STATES, SUMMARY_VIEWERS, type FactCheckState, type SummaryViewer } from '../domain/fact-check';
import { EASY_READ_MAX_GRADE } from '../domain/readability';

export class EasyReadTemplateResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: [...DEFAULT_HEADINGS] }) headings: string[];
  @ApiProperty({ example: DEFAULT_WORD_LIMIT, description: 'The most words under each heading.' }) wordLimit: number;
  @ApiProperty({ example: false, description: 'true: the team has not set one; this is the default.' }) isDefault: boolean;
  @ApiProperty({ example: false, description: 'true once any summary has been sent to its bidder: it can no longer change.' })
  locked: boolean;
}

export class ReadabilityResponse {
  @ApiProperty({ example: 42 }) words: number;
  @ApiProperty({ example: 6 }) sentences: number;
  @ApiProperty({ type: Number, nullable: true, example: 3.2, description: 'Flesch–Kincaid grade; null without words.' })
  grade: number | null;
  @ApiProperty({ example: EASY_READ_MAX_GRADE, description: 'Above this grade the author is warned.' }) maxGrade: number;
  @ApiProperty({ example: 0, description: 'Sentences of more than 15 words.' }) longSentences: number;
  @ApiProperty({ example: true }) easyRead: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'A warning for the author in plain words; null when the text reads as easy read. Never a refusal.',
  })
  warning: string | null;
}

export class SummarySectionResponse {
  @ApiProperty({ example: DEFAULT_HEADINGS[0] }) heading: string;
  @ApiProperty({ example: 'They will run a drop-in café. It is open 5 days a week.' }) text: string;
  @ApiProperty({ type: ReadabilityResponse }) readability: ReadabilityResponse;
}

export class FactCheckResponse {
  @ApiProperty({ example: '2026-12-02T10:00:00.000Z', format: 'date-time' }) sentAt: string;
  @ApiProperty({ example: 5 }) workingDays: number;
  @ApiProperty({ example: '2026-12-09T10:00:00.000Z', format: 'date-time' }) respondBy: string;
  @ApiProperty({
    enum: FACT_CHECK_STATES,
    example: 'approved',
    description:
      'awaiting the bidder; approved; commented (the team revises); no_response (respondBy passed without an answer, computed on read); superseded (a newer version was sent first).',
  })
  state: FactCheckState;
  @ApiProperty({ type: String, nullable: true, example: null }) comment: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T09:00:00.000Z' })
  respondedAt: string | null;
}

export class SummaryVersionResponse {
  @ApiProperty({ example: '3c9b2f1e-7a44-4d6e-9b0a-1f2e3d4c5b6a' }) id: string;
  @ApiProperty({ example: 1, description: '1, 2, 3… per bid.' }) number: number;
  @ApiProperty({ type: [SummarySectionResponse] }) sections: SummarySectionResponse[];
  @ApiProperty({ example: DEFAULT_WORD_LIMIT, description: 'The word limit it was written under.' }) wordLimit: number;
  @ApiProperty({ type: ReadabilityResponse, description: 'The whole summary.' }) readability: ReadabilityResponse;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z', format: 'date-time' }) writtenAt: string;
  @ApiProperty({ example: true, description: 'Written under the tender’s current template (only such a version can be sent).' })
  followsTemplate: boolean;
  @ApiPropertyOptional({ type: FactCheckResponse, nullable: true, description: 'null until sent to the bidder.' })
  factCheck: FactCheckResponse | null;
}

/**
 * A bid's easy-read summary as the caller may see it. Team: every version. Its bidder: the
 * versions sent to them. A panel member: the one version the panel reads (approved, or not
 * answered in time), or none.
 */
export class EasyReadSummaryResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: '5d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a' }) bidId: string;
  @ApiProperty({ enum: SUMMARY_VIEWERS, example: 'team' }) viewer: SummaryViewer;
  @ApiProperty({ type: EasyReadTemplateResponse }) template: EasyReadTemplateResponse;
  @ApiProperty({ type: [SummaryVersionResponse], description: 'Newest first.' }) versions: SummaryVersionResponse[];
}
