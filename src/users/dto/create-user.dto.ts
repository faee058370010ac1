import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/caller';
import { IfPresent, NotBlank } from '../../common/validators';
import { ORGANISATION_TYPES, type OrganisationType } from '../organisation.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'amara.okafor@camden.gov.uk' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Amara Okafor' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, example: 'commissioner' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    example: 'a long passphrase',
    minLength: 12,
    description: 'Omit for panelists who sign in by invitation link.',
  })
  @IfPresent()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ example: 'Mind in Camden', description: 'For bidders.' })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  organisationName?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, example: 'vcse' })
  @IfPresent()
  @IsIn(ORGANISATION_TYPES)
  organisationType?: OrganisationType;
}
