import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems } from '../openapi/problem-details';
import { TeamMemberResponse } from './dto/team-member.response';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { TenderClosing } from './tender-closing.service';
import type { Caller } from '../common/caller';
import { CreateTenderDto } from './dto/create-tender.dto';
import { AddTeamMemberDto, CancelTenderDto } from './dto/tender-actions.dto';
import { TenderResponse } from './dto/tender.response';
import { UpdateTenderDto } from './dto/update-tender.dto';
import { TendersService } from './tenders.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('tenders')
@Controller('tenders')
export class TendersController {
  constructor(
    private readonly tenders: TendersService,
    private readonly closing: TenderClosing,
  ) {}

  @Post()
  @Idempotent()
  @Auth('commissioner')
  @ApiOperation({ summary: 'Create a draft tender, optionally from a template', description: 'The caller becomes its owner.' })
  @ApiCreatedResponse({ type: TenderResponse })
  @ApiProblems(409, 422)
  create(@CurrentUser() caller: Caller, @Body() dto: CreateTenderDto): Promise<TenderResponse> {
    return this.tenders.create(caller, dto);
  }

  @Get()
  @Auth()
  @ApiOperation({
    summary: 'The tenders the caller may see',
    description: 'The team sees its tenders; panelists those they sit on; bidders published ones.',
  })
  @ApiOkResponse({ type: [TenderResponse] })
  list(@CurrentUser() caller: Caller): Promise<TenderResponse[]> {
    return this.tenders.list(caller);
  }

  @Get(':tenderId')
  @Auth()
  @ApiOperation({ summary: 'One tender' })
  @ApiOkResponse({ type: TenderResponse })
  get(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<TenderResponse> {
    return this.tenders.get(caller, tenderId);
  }

  @Patch(':tenderId')
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: "Change a tender's title, description, deadline or settings" })
  @ApiOkResponse({ type: TenderResponse })
  @ApiProblems(422)
  @ApiConflictResponse({
    description: 'Settings change only while draft; after publication only title, description and a later deadline.',
  })
  update(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: UpdateTenderDto,
  ): Promise<TenderResponse> {
    return this.tenders.update(caller, tenderId, dto);
  }

  @Get(':tenderId/team')
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: "The tender's team" })
  @ApiOkResponse({ type: [TeamMemberResponse] })
  listTeam(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string) {
    return this.tenders.listTeam(caller, tenderId);
  }

  @Post(':tenderId/team')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({ summary: 'Add a commissioner or procurement account to the team' })
  @ApiCreatedResponse({ type: TeamMemberResponse })
  @ApiProblems(409, 422)
  addTeamMember(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string, @Body() dto: AddTeamMemberDto) {
    return this.tenders.addTeamMember(caller, tenderId, dto);
  }

  @Post(':tenderId/publish')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOkResponse({ type: TenderResponse })
  @ApiOperation({ summary: 'Publish a draft tender: bidders can see it and bid' })
  @ApiProblems(409)
  @ApiUnprocessableEntityResponse({ description: 'Lists every weight problem: node codes, expected and found sums.' })
  publish(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<TenderResponse> {
    return this.tenders.publish(caller, tenderId);
  }

  @Post(':tenderId/close')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOkResponse({ type: TenderResponse, description: 'Closed: the tender is in evaluation and the box is open.' })
  @ApiAcceptedResponse({
    type: TenderResponse,
    description:
      'With openingApprovals 2: the first approval is recorded (openingApprovalsGiven); the tender stays published and its bids sealed until a different team member approves.',
  })
  @ApiOperation({
    summary:
      'Close a published tender after its bid deadline (with two opening approvals, the second closes it): the sealed bids open',
  })
  @ApiConflictResponse({
    description:
      'Not published, before the bid deadline (server clock: bidders may still submit), or the same team member approving twice.',
  })
  async close(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TenderResponse> {
    const outcome = await this.closing.close(caller, tenderId);
    if (!outcome.closed) response.status(202);
    return outcome.tender;
  }

  @Post(':tenderId/cancel')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOkResponse({ type: TenderResponse })
  @ApiOperation({ summary: 'Cancel a tender, with a reason' })
  @ApiProblems(409)
  cancel(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: CancelTenderDto,
  ): Promise<TenderResponse> {
    return this.tenders.cancel(caller, tenderId, dto.reason);
  }
}
