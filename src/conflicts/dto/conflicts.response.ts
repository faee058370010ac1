import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_ACTS, REGISTER_SUBJECTS } from '../domain/conflict-register';

const WHEN = { type: String, format: 'date-time', example: '2027-02-01T10:00:00.000Z' } as const;

export class RegisterStatementResponse {
  @ApiProperty({ example: 1, description: 'Versions of one statement count from 1; a re-declaration is the next one.' })
  version: number;
  @ApiProperty({ example: false }) conflict: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) details: string | null;
  @ApiProperty(WHEN) declaredAt: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Mind in Camden',
    description: 'The bid it is about (panel members); null for the team.',
  })
  bidderName: string | null;
}

export class DecisionActResponse {
  @ApiProperty({ enum: DECISION_ACTS, example: 'approved_opening' }) act: string;
  @ApiProperty(WHEN) at: string;
}

export class RegisterPersonResponse {
  @ApiProperty({ example: 'Lived experience 1', description: 'Lived-experience panel members by pseudonym, as on every record.' })
  name: string;
  @ApiProperty({ example: 'Panel member (lived experience)' }) role: string;
  @ApiProperty({
    enum: ['not_declared', 'no_conflict', 'conflict'],
    example: 'no_conflict',
    description: 'From the newest statements.',
  })
  state: string;
  @ApiProperty({ type: [DecisionActResponse], description: 'What a team member did that shapes the decision.' })
  acts: DecisionActResponse[];
  @ApiProperty({ type: [RegisterStatementResponse], description: 'Every statement, oldest first: none is ever overwritten.' })
  declarations: RegisterStatementResponse[];
}

export class MitigationResponse {
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'Does not score this bid.' }) text: string;
  @ApiProperty({ example: 'Priya Shah' }) recordedBy: string;
  @ApiProperty(WHEN) recordedAt: string;
}

export class RegisterConflictResponse {
  @ApiProperty({ enum: REGISTER_SUBJECTS, example: 'panel_bid' }) subject: string;
  @ApiProperty({
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    description: 'Names the conflict when recording a mitigation.',
  })
  subjectId: string;
  @ApiProperty({ example: 'Lived experience 2' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mind in Camden' }) bidderName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'My sister works there.' }) details: string | null;
  @ApiProperty(WHEN) declaredAt: string;
  @ApiPropertyOptional({
    type: MitigationResponse,
    nullable: true,
    description: 'The mitigation in force (the newest); null: none yet.',
  })
  mitigation: MitigationResponse | null;
  @ApiProperty({ type: [MitigationResponse], description: 'Every version, newest first.' }) mitigations: MitigationResponse[];
}

export class ReviewResponse {
  @ApiProperty({ example: 1, description: 'The revision of the document this review makes.' }) revision: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Reviewed before the tender notice.' }) note: string | null;
  @ApiProperty({ example: 'Priya Shah' }) reviewedBy: string;
  @ApiProperty(WHEN) reviewedAt: string;
}

export class ActedBeforeDeclaringResponse {
  @ApiProperty({ example: 'Priya Shah' }) name: string;
  @ApiProperty({ enum: DECISION_ACTS, example: 'opened_bids' }) act: string;
  @ApiProperty(WHEN) at: string;
}

export class ConflictsAssessmentResponse {
  @ApiProperty({ example: '0b6f4a3e-7a0c-4c1e-9f0e-5c1d2e3f4a5b' }) tenderId: string;
  @ApiProperty({ example: 'Community mental health support' }) title: string;
  @ApiProperty({ example: 0, description: 'How many times the team has reviewed it (the revision of the document).' })
  revision: number;
  @ApiPropertyOptional({ type: ReviewResponse, nullable: true, description: 'null: not reviewed yet.' })
  lastReview: ReviewResponse | null;
  @ApiProperty({ type: [RegisterPersonResponse], description: 'The team first, then the panel.' })
  persons: RegisterPersonResponse[];
  @ApiProperty({ type: [RegisterConflictResponse] }) conflicts: RegisterConflictResponse[];
  @ApiProperty({ example: 0, description: 'Conflicts with no mitigation recorded.' }) unmitigated: number;
  @ApiProperty({
    type: [ActedBeforeDeclaringResponse],
    description: 'Team members who approved opening, opened the bids or awarded with no declaration on the record then.',
  })
  actedBeforeDeclaring: ActedBeforeDeclaringResponse[];
  @ApiProperty({ type: [ReviewResponse], description: 'Newest first.' }) reviews: ReviewResponse[];
  @ApiPropertyOptional({
    type: RegisterStatementResponse,
    nullable: true,
    description: "The caller's own newest declaration on this tender; null: not declared yet.",
  })
  myDeclaration: RegisterStatementResponse | null;
}

export class TeamDeclarationResponse extends RegisterStatementResponse {
  @ApiProperty({ example: true, description: 'false: the same as your newest statement, so no new version was made.' })
  changed: boolean;
}
