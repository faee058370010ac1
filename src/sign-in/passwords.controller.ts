import { Body, Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Caller } from '../common/caller';
import { Auth, CurrentUser, Public } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/problem-details';
import { ChangePasswordDto, PasswordResetLinkResponse, RedeemPasswordResetDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';

@ApiTags('accounts')
@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Post('users/:userId/password-reset')
  @Auth('admin')
  @ApiOperation({
    summary: 'Issue a one-time password reset link for an account (admin)',
    description:
      'The admin never sees or sets the password: they pass the link on, and the account holder chooses one. ' +
      'The link works once, within one hour; issuing a new one replaces the previous one. 409 for a deactivated account.',
  })
  @ApiCreatedResponse({ type: PasswordResetLinkResponse })
  @ApiProblems({ 409: 'The account is deactivated: reactivate it first.' })
  issueReset(@CurrentUser() caller: Caller, @Param('userId') userId: string): Promise<PasswordResetLinkResponse> {
    return this.passwords.issueReset(caller, userId);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a one-time reset link' })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it.' })
  @ApiUnauthorizedResponse({ description: 'Used, replaced, expired or unknown: always the same answer.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts from this address; see Retry-After.' })
  async redeemReset(@Body() dto: RedeemPasswordResetDto, @Ip() clientAddress: string): Promise<void> {
    await this.passwords.redeemReset(dto.token, dto.password, clientAddress);
  }

  @Post('me/password')
  @Auth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password (signed in; give the current one)' })
  @ApiNoContentResponse({ description: 'Changed; sign in with the new password from now on.' })
  @ApiProblems({ 403: 'Signed in with a panel link: that session is for scoring one seat and cannot set a password.' })
  @ApiUnprocessableEntityResponse({ description: 'The current password is not right, or the new one is the same.' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords for this account; see Retry-After.' })
  async changeOwn(@CurrentUser() caller: Caller, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.changeOwn(caller, dto.currentPassword, dto.newPassword);
  }
}
