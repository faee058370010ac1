import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SessionResponse } from '../auth/dto/session.response';
import { RedeemInvitationDto } from './dto/redeem-invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('accounts')
@Controller('auth')
export class InvitationController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('invitation')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Redeem a one-time panel invitation: signs the panel member in' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'Used, expired, revoked or unknown: always the same answer.' })
  @ApiConflictResponse({ description: 'A valid link, but the tender is awarded or cancelled: the panel’s work is over.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed redemptions from this address; see Retry-After.' })
  redeem(@Body() dto: RedeemInvitationDto, @Ip() clientAddress: string): Promise<SessionResponse> {
    return this.invitations.redeem(dto, clientAddress);
  }
}
