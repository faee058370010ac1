import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_METHODS,
  DELETION_REQUESTERS,
  NEED_FORMATS,
  type ContactMethod,
  type DeletionRequester,
  type NeedFormat,
} from '../domain/needs-rules';
import { SupportPersonDto } from './record-needs.dto';

export const NEEDS_STATES = ['not_recorded', 'recorded', 'deleted'] as const;
export type NeedsState = (typeof NEEDS_STATES)[number];

export class ConsentResponse {
  @ApiProperty({ example: true, description: 'Always true: needs are stored only with the member’s agreement.' }) agreed: true;
  @ApiProperty({
    example: '3b241101-e2bb-4255-8caf-4136c566a962',
    description: 'Who recorded the agreement (team member or the member).',
  })
  recordedById: string;
  @ApiProperty({ example: '2027-01-10T10:00:00.000Z', format: 'date-time' }) recordedAt: string;
}

export class NeedsDeletionResponse {
  @ApiProperty({ example: '2027-06-01T10:00:00.000Z', format: 'date-time' }) deletedAt: string;
  @ApiProperty({ example: '3b241101-e2bb-4255-8caf-4136c566a962' }) deletedById: string;
  @ApiProperty({ enum: DELETION_REQUESTERS, example: 'member' }) requestedBy: DeletionRequester;
}

export class NeedsResponse {
  @ApiProperty({ example: '5d0c8a52-0f55-4d8e-9a3c-1d2f3a4b5c6d' }) memberId: string;
  @ApiProperty({
    example: 'Lived experience 1',
    description: 'The member as the record names them: the pseudonym of a lived-experience member, the name of a professional.',
  })
  memberName: string;
  @ApiProperty({ enum: NEEDS_STATES, example: 'recorded' }) state: NeedsState;
  @ApiProperty({ enum: NEED_FORMATS, isArray: true, example: ['large_print'] }) formats: NeedFormat[];
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) language: string | null;
  @ApiProperty({ enum: CONTACT_METHODS, isArray: true, example: ['phone', 'support_worker'] }) contactMethods: ContactMethod[];
  @ApiProperty({
    example: false,
    description: 'false: "do not email" (needs recorded without email among the ways to reach them).',
  })
  mayEmail: boolean;
  @ApiPropertyOptional({ type: SupportPersonDto, nullable: true }) supportPerson: SupportPersonDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Step-free access; a break every hour.' }) meetingNeeds:
    string | null;
  @ApiPropertyOptional({ type: ConsentResponse, nullable: true }) consent: ConsentResponse | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-10T10:00:00.000Z' }) updatedAt:
    string | null;
  @ApiPropertyOptional({ type: NeedsDeletionResponse, nullable: true, description: 'Set once deleted on the member’s request.' })
  deletion: NeedsDeletionResponse | null;
}
