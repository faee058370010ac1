import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CONTACT_METHODS,
  DELETION_REQUESTERS,
  LANGUAGE_MAX_LENGTH,
  MEETING_NEEDS_MAX_LENGTH,
  NEED_FORMATS,
  SUPPORT_CONTACT_MAX_LENGTH,
  SUPPORT_NAME_MAX_LENGTH,
  SUPPORT_RELATIONSHIP_MAX_LENGTH,
  type ContactMethod,
  type DeletionRequester,
  type NeedFormat,
} from '../domain/needs-rules';

export class SupportPersonDto {
  @ApiProperty({ example: 'Sam Patel', maxLength: SUPPORT_NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(SUPPORT_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ example: 'support worker', maxLength: SUPPORT_RELATIONSHIP_MAX_LENGTH, description: 'Relationship or role.' })
  @IsString()
  @MaxLength(SUPPORT_RELATIONSHIP_MAX_LENGTH)
  relationship: string;

  @ApiProperty({ example: '07700 900123', maxLength: SUPPORT_CONTACT_MAX_LENGTH, description: 'How to reach them.' })
  @IsString()
  @MaxLength(SUPPORT_CONTACT_MAX_LENGTH)
  contact: string;
}

/** Record or change a member's needs: the whole record each time, with the member's consent. */
export class RecordNeedsDto {
  @ApiProperty({
    example: true,
    description: 'The member agreed to have these needs recorded. Anything but true is refused (422) and nothing is stored.',
  })
  @IsBoolean()
  consent: boolean;

  @ApiProperty({ enum: NEED_FORMATS, isArray: true, example: ['large_print'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(NEED_FORMATS.length)
  @IsIn(NEED_FORMATS, { each: true, message: `Each format must be one of ${NEED_FORMATS.join(', ')}.` })
  formats: NeedFormat[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    maxLength: LANGUAGE_MAX_LENGTH,
    description: 'Which language, with the format another_language (required then).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LANGUAGE_MAX_LENGTH)
  language?: string | null;

  @ApiProperty({
    enum: CONTACT_METHODS,
    isArray: true,
    example: ['phone', 'support_worker'],
    description: 'At least one. Without email the member is not emailed (mayEmail false).',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(CONTACT_METHODS.length)
  @IsIn(CONTACT_METHODS, { each: true, message: `Each way to reach the member must be one of ${CONTACT_METHODS.join(', ')}.` })
  contactMethods: ContactMethod[];

  @ApiPropertyOptional({
    type: SupportPersonDto,
    nullable: true,
    description: 'Required with the contact method support_worker.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SupportPersonDto)
  supportPerson?: SupportPersonDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Step-free access; a break every hour.',
    maxLength: MEETING_NEEDS_MAX_LENGTH,
    description: 'Access needs for meetings (the moderation meeting).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_NEEDS_MAX_LENGTH)
  meetingNeeds?: string | null;
}

/** Delete the needs on the member's request (after the tender is awarded or cancelled). */
export class DeleteNeedsDto {
  @ApiProperty({
    enum: DELETION_REQUESTERS,
    example: 'member',
    description: 'Whose request this is: the member, or their support person for them.',
  })
  @IsIn(DELETION_REQUESTERS)
  requestedBy: DeletionRequester;

  @ApiProperty({ example: true, description: 'Confirms the member asked for their needs to be deleted.' })
  @Equals(true, { message: 'Confirm that the member asked for their needs to be deleted.' })
  memberAsked: true;
}
