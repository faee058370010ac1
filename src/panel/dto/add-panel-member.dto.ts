import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PANEL_GROUPS, type PanelGroup } from '../../criteria/criteria-tree';
import { IfPresent, NotBlank } from '../../common/validators';

/**
 * Either an existing panelist account (`userId`, or `email` of an existing account), or
 * `name` and `email` of a person without an account: a panelist account without a
 * password is created and they sign in by invitation link.
 */
export class AddPanelMemberDto {
  @ApiPropertyOptional({ example: '3b241101-e2bb-4255-8caf-4136c566a962', description: 'An existing panelist account.' })
  @IfPresent()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'Jordan Reid', description: 'Needed only when no account has this email yet.' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'jordan.reid@example.org' })
  @IfPresent()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ enum: PANEL_GROUPS, example: 'lived_experience' })
  @IsIn(PANEL_GROUPS)
  group: PanelGroup;

  @ApiPropertyOptional({
    example: 'carer',
    description: 'Free label for the seat: "service user", "carer", "young person", "clinician"…',
  })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(100)
  role?: string;
}
