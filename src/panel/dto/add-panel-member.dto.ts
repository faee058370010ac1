import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PANEL_GROUPS, type PanelGroup } from '../../criteria/domain';
import { IfPresent, NotBlank } from '../../common/validators';

/**
 * Either an existing panelist account by `userId`, or a person by `name` and `email`
 * (both required). By email the answer never says whether an account has that address:
 * a panelist account with a password takes the seat (the person signs in with it);
 * anyone else gets a new account without a password for this seat, reached by invitation.
 */
export class AddPanelMemberDto {
  @ApiPropertyOptional({ example: '3b241101-e2bb-4255-8caf-4136c566a962', description: 'An existing panelist account.' })
  @IfPresent()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    example: 'Jordan Reid',
    description: 'Required with email: the team sees this name until the person accepts the seat.',
  })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'jordan.reid@example.org', description: 'With name: how the team reaches the person.' })
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
