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
import { ApiProblems } from '../openapi/problem-details';
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
      'An existing panelist account by `userId`, or a person by `name` and `email` (both required). By email the answer is the ' +
      'same whether or not an account has that address: a panelist account with a password takes the seat (the person signs in ' +
      'with it; `hasPassword: true`), anyone else gets a new account without a password for this seat only (`accountCreated: true`), ' +
      'reached through invitation links. The team sees the name it typed until the person accepts the seat (`acceptedAt`).',
  })
  @ApiBody({
    type: AddPanelMemberDto,
    examples: {
      newPerson: {
        summary: 'Someone without an account',
        value: { name: 'Jordan Reid', email: 'jordan.reid@example.org', group: 'lived_experience', role: 'carer' },
      },
      professional: {
        summary: 'A professional, by name and email (if they have a panelist account with a password, it takes the seat)',
        value: { name: 'Dr Ada Jones', email: 'ada.jones@nhs.example', group: 'professional', role: 'clinician' },
      },
      existingAccount: {
        summary: 'An existing panelist account, by id',
        value: { userId: '3b241101-e2bb-4255-8caf-4136c566a962', group: 'professional', role: 'clinician' },
      },
    },
  })
  @ApiCreatedResponse({ type: CreatedPanelMemberResponse })
  @ApiConflictResponse({ description: 'Already on the panel, or the tender is in moderation or later.' })
  @ApiUnprocessableEntityResponse({ description: 'userId is not an active panelist account (one answer, whatever the reason).' })
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
    summary: 'Issue a one-time sign-in link and code for a member without a password (team)',
    description:
      'Single use, valid 14 days; issuing a new one revokes the previous link and code. The token, `url` and `code` are shown only ' +
      'in this response. Redeeming signs the person in for this seat only. Members whose account has a password sign in with it (409).',
  })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ description: 'No such member on this tender.' })
  @ApiConflictResponse({
    description:
      'The account has a password (the person signs in with it), is deactivated, or the tender is awarded or cancelled.',
  })
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
  @ApiProblems({ 409: 'The tender is awarded or cancelled: invitations can no longer be revoked.' })
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
