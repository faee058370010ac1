import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SessionResponse } from '../sign-in/dto/session.response';
import { RedeemInvitationDto } from './dto/redeem-invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('accounts')
@Controller('auth')
export class InvitationController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('invitation')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Redeem a one-time panel invitation (its link token or its short code): signs the panel member in for that seat',
    description:
      'The session is good for the invitation’s panel seat only: every other tender answers 404 to it, and the tender list shows ' +
      'only that tender. Give `token` (from the link) or `code` (typed: case, spaces and dashes ignored), not both.',
  })
  @ApiBody({
    type: RedeemInvitationDto,
    examples: {
      link: { summary: 'The token from the link', value: { token: 'q3Jc0mVwJ4l8bFZpT2x0u6p1k9dQe7aYhN5sR3wZ8cU' } },
      code: { summary: 'The code, typed in', value: { code: 'kt4m 9xpr q7' } },
    },
  })
  @ApiOkResponse({ type: SessionResponse, description: 'A session for the seat, with `seat: {tenderId, panelMemberId}`.' })
  @ApiBadRequestResponse({ description: 'Neither or both of token and code.' })
  @ApiUnauthorizedResponse({ description: 'Used, expired, revoked or unknown: always the same answer.' })
  @ApiConflictResponse({ description: 'A valid link, but the tender is awarded or cancelled: the panel’s work is over.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed redemptions from this address; see Retry-After.' })
  redeem(@Body() dto: RedeemInvitationDto, @Ip() clientAddress: string): Promise<SessionResponse> {
    return this.invitations.redeem(dto, clientAddress);
  }
}
