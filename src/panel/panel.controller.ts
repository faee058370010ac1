import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { DeclarationsService } from './declarations.service';
import { AddPanelMemberDto } from './dto/add-panel-member.dto';
import { DeclarationResponse, DeclarationsResponse } from './dto/declaration.response';
import { DeclareInterestDto } from './dto/declare-interest.dto';
import { CreatedPanelMemberResponse, InvitationResponse, PanelMemberDetailResponse } from './dto/panel.response';
import { InvitationsService } from './invitations.service';
import { PanelService } from './panel.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('panel')
@Controller('tenders/:tenderId')
export class PanelController {
  constructor(
    private readonly panel: PanelService,
    private readonly invitations: InvitationsService,
    private readonly declarations: DeclarationsService,
  ) {}

  @Post('panel')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Add a panel member (team; draft, published or evaluation)',
    description:
      'An existing panelist account (`userId`, or the `email` of one), or `name` and `email` of someone without an account: ' +
      'a panelist account without a password is created, and they sign in through invitation links.',
  })
  @ApiBody({
    type: AddPanelMemberDto,
    examples: {
      newPerson: {
        summary: 'Someone without an account',
        value: { name: 'Jordan Reid', email: 'jordan.reid@example.org', group: 'lived_experience', role: 'carer' },
      },
      existingAccount: {
        summary: 'An existing panelist account',
        value: { userId: '3b241101-e2bb-4255-8caf-4136c566a962', group: 'professional', role: 'clinician' },
      },
    },
  })
  @ApiCreatedResponse({ type: CreatedPanelMemberResponse })
  @ApiConflictResponse({ description: 'Already on the panel, or the tender is in moderation or later.' })
  @ApiUnprocessableEntityResponse({ description: 'The account is not a panelist account, is deactivated or does not exist.' })
  add(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: AddPanelMemberDto,
  ): Promise<CreatedPanelMemberResponse> {
    return this.panel.add(caller, tenderId, dto);
  }

  @Get('panel')
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'The panel with declarations and progress (team); score values are never shown here' })
  @ApiOkResponse({ type: [PanelMemberDetailResponse] })
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<PanelMemberDetailResponse[]> {
    return this.panel.list(caller, tenderId);
  }

  @Delete('panel/:memberId')
  @Auth('commissioner', 'procurement')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a panel member (team; only before evaluation: afterwards their record stays)' })
  @ApiNoContentResponse({ description: 'Removed, with any invitation.' })
  @ApiConflictResponse({ description: 'The tender is in evaluation or later.' })
  async remove(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<void> {
    await this.panel.remove(caller, tenderId, memberId);
  }

  @Post('panel/:memberId/invitation')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Issue a one-time sign-in link for a member (team)',
    description:
      'Single use, valid 14 days; issuing a new one revokes the previous one. The token is shown only in this response.',
  })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ description: 'No such member on this tender.' })
  issueInvitation(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<InvitationResponse> {
    return this.invitations.issue(caller, tenderId, memberId);
  }

  @Delete('panel/:memberId/invitation')
  @Auth('commissioner', 'procurement')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke the member's open invitation (team); nothing open is not an error" })
  @ApiNoContentResponse({ description: 'No open invitation remains.' })
  async revokeInvitation(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<void> {
    await this.invitations.revoke(caller, tenderId, memberId);
  }

  @Get('declarations')
  @Auth('panelist')
  @ApiOperation({
    summary: 'The bids to declare an interest on (the panel member; evaluation on)',
    description: 'Every submitted bid by bidder name, even under blind marking, with your declaration if made.',
  })
  @ApiOkResponse({ type: DeclarationsResponse })
  @ApiConflictResponse({ description: 'Bids are still sealed.' })
  listDeclarations(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<DeclarationsResponse> {
    return this.declarations.list(caller, tenderId);
  }

  @Put('declarations/:bidId')
  @Auth('panelist')
  @ApiOperation({
    summary: 'Declare an interest on one bid (the panel member; evaluation or moderation)',
    description:
      'First declaration: either way. Afterwards only "no conflict" → conflict is accepted (it hides the bid and makes your scores on it ' +
      'unusable); a declared conflict cannot be withdrawn (409). Repeating the same declaration changes nothing.',
  })
  @ApiBody({
    type: DeclareInterestDto,
    examples: {
      none: { summary: 'No conflict', value: { conflict: false } },
      conflict: {
        summary: 'A conflict',
        value: { conflict: true, details: 'My sister is a support worker at this organisation.' },
      },
    },
  })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiConflictResponse({ description: 'Bids sealed, tender closed, or an attempt to withdraw a conflict.' })
  declare(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: DeclareInterestDto,
  ): Promise<DeclarationResponse> {
    return this.declarations.declare(caller, tenderId, bidId, dto);
  }
}
