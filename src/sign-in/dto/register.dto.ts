import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { NotBlank } from '../../common/validators';
import { ORGANISATION_TYPES, type OrganisationType } from '../../users/organisation.entity';

/** A supplier registers itself: the account is always a bidder. */
export class RegisterDto {
  @ApiProperty({ example: 'bids@mind-in-camden.org.uk' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'a long passphrase', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Sam Patel' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Mind in Camden' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  organisationName: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'vcse', description: 'vcse = voluntary, community or social enterprise' })
  @IsIn(ORGANISATION_TYPES)
  organisationType: OrganisationType;
}
