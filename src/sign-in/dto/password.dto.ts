import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validators';
import { AccountPassword } from '../../users/dto/account-password';

export class RedeemPasswordResetDto {
  @ApiProperty({ example: 'Xq7JmVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cUa', description: 'The token at the end of the reset link.' })
  @IsString({ message: 'Token must be text.' })
  @NotBlank({ message: 'Token is blank: copy it from the end of the reset link.' })
  @MaxLength(200, { message: 'Token is too long: copy it from the end of the reset link.' })
  token: string;

  @ApiProperty({
    example: 'a new long passphrase',
    minLength: 12,
    maxLength: 200,
    description: 'The new password, chosen by the account holder.',
  })
  @AccountPassword()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'the current passphrase', description: 'The password the account signs in with today.' })
  @IsString({ message: 'Current password must be text.' })
  @MaxLength(200, { message: 'Current password must be at most 200 characters long.' })
  currentPassword: string;

  @ApiProperty({ example: 'a new long passphrase', minLength: 12, maxLength: 200 })
  @AccountPassword()
  newPassword: string;
}

export class PasswordResetLinkResponse {
  @ApiProperty({
    example: 'http://localhost:3000/reset-password/Xq7JmVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cUa',
    description: 'Shown once. Pass it on to the account holder; it works once, for one hour.',
  })
  url: string;

  @ApiProperty({ example: '2026-11-23T11:00:00.000Z' })
  expiresAt: string;
}
