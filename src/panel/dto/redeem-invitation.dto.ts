import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';

export class RedeemInvitationDto {
  @ApiProperty({ example: 'q3Jc0mVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cU', description: 'The token from the one-time link.' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  token: string;
}
