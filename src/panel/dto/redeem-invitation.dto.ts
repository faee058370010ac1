import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';

/** The token from the link, or the short code typed in: exactly one of them. */
export class RedeemInvitationDto {
  @ApiPropertyOptional({
    example: 'q3Jc0mVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cU',
    description: 'The token from the one-time link.',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({
    example: 'KT4M-9XPR-Q7',
    description: 'The short invitation code, as typed: upper or lower case, with or without the dashes.',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(40)
  code?: string;
}
