import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IfPresent, NotBlank } from '../../common/validators';
import { MITIGATION_MAX, REGISTER_SUBJECTS, type RegisterSubject } from '../domain/conflict-register';

/** A tender team member's own declaration on the tender (once, then again whenever it changes). */
export class DeclareTeamInterestDto {
  @ApiProperty({
    example: false,
    description:
      'true: I have an interest in a supplier that bids, or may bid, for this contract (a person, a company, a charity).',
  })
  @IsBoolean()
  conflict: boolean;

  @ApiPropertyOptional({
    example: 'My partner is a trustee of Mind in Camden.',
    description: 'Required when conflict is true: what the interest is.',
  })
  @ValidateIf((dto: DeclareTeamInterestDto) => dto.conflict === true || dto.details !== undefined)
  @IsString({ message: 'Details are needed when conflict is true: say in words what the interest is.' })
  @NotBlank()
  @MaxLength(2000)
  details?: string;
}

export class RecordMitigationDto {
  @ApiProperty({
    enum: REGISTER_SUBJECTS,
    example: 'panel_bid',
    description: "Whose conflict: a panel member's on a bid, or a team member's.",
  })
  @IsIn(REGISTER_SUBJECTS)
  subject: RegisterSubject;

  @ApiProperty({
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    description: "The conflict's subjectId, as GET …/conflicts lists it under conflicts.",
  })
  @IsUUID()
  subjectId: string;

  @ApiProperty({
    example: 'Lived experience 2 does not score this bid and leaves the moderation meeting while it is discussed.',
    description: 'What the team does about the conflict. A new text is a new version; the earlier ones stay.',
  })
  @IsString()
  @NotBlank()
  @MaxLength(MITIGATION_MAX)
  text: string;
}

export class RecordReviewDto {
  @ApiPropertyOptional({ example: 'Reviewed before the tender notice: no conflicts yet.', description: 'What the review found.' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  note?: string;
}
