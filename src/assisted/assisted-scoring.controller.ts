import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { AssistedScoringService } from './assisted-scoring.service';
import { AssistedScoreDto, AssistedSubmitDto } from './dto/assisted-score.dto';
import { AssistedScoreResponse, AssistedSubmittedResponse, ConfirmedEntriesResponse } from './dto/assisted-score.response';
import { MemberConfirmationService } from './member-confirmation.service';

@ApiTags('scoring')
@Controller('tenders/:tenderId/panel/:memberId')
@Auth('commissioner', 'procurement')
export class AssistedScoringController {
  constructor(private readonly assisted: AssistedScoringService) {}

  @Put('bids/:bidId/scores/:criterion')
  @ApiOperation({
    summary: "Enter a lived-experience member's draft score on their behalf (the tender team; evaluation only)",
    description:
      "`method`: `present` (the member is with you) or `paper_form` (from the member's paper scoring form). The member's own rules apply: their group's criteria, the scale, declarations first, never a bid they declared a conflict on. Recorded with who entered it and how.",
  })
  @ApiBody({
    type: AssistedScoreDto,
    examples: { present: { value: { score: 4, rationale: 'They talked about people like me.', method: 'present' } } },
  })
  @ApiOkResponse({ type: AssistedScoreResponse })
  @ApiProblems({
    409: 'Not in evaluation, the scoring deadline passed, the member has not declared on every bid, or the score is submitted.',
    422: "A professional member, a conflict declared on the bid, a criterion the member's group does not score, or off the scale.",
  })
  save(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Param('bidId') bidId: string,
    @Param('criterion') criterion: string,
    @Body() dto: AssistedScoreDto,
  ): Promise<AssistedScoreResponse> {
    return this.assisted.save(caller, tenderId, memberId, bidId, criterion, dto);
  }

  @Post('bids/:bidId/scores/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: "Submit (lock) a lived-experience member's scores for a bid on their behalf (the tender team; evaluation only)",
  })
  @ApiOkResponse({ type: AssistedSubmittedResponse })
  @ApiProblems({ 409: 'Already submitted, or not in evaluation.', 422: 'Names each criterion still without a score.' })
  submit(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Param('bidId') bidId: string,
    @Body() dto: AssistedSubmitDto,
  ): Promise<AssistedSubmittedResponse> {
    return this.assisted.submit(caller, tenderId, memberId, bidId, dto);
  }

  @Get('scores')
  @ApiOperation({
    summary: "The scores entered on a lived-experience member's behalf, with who entered each and how (the tender team)",
    description: 'Only those: scores the member gave in their own session stay unseen by the team until moderation.',
  })
  @ApiOkResponse({ type: [AssistedScoreResponse] })
  @ApiProblems(422)
  entered(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<AssistedScoreResponse[]> {
    return this.assisted.entered(caller, tenderId, memberId);
  }
}

@ApiTags('scoring')
@Controller('tenders/:tenderId')
@Auth('panelist')
export class EnteredForMeController {
  constructor(private readonly confirmation: MemberConfirmationService) {}

  @Get('scores/entered-for-me')
  @ApiOperation({ summary: 'Your scores entered on your behalf, with who entered each and how (the panel member)' })
  @ApiOkResponse({ type: [AssistedScoreResponse] })
  enteredForMe(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AssistedScoreResponse[]> {
    return this.confirmation.enteredForMe(caller, tenderId);
  }

  @Post('bids/:bidId/scores/confirm-entries')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the scores entered for you on a bid (the panel member)' })
  @ApiOkResponse({ type: ConfirmedEntriesResponse })
  @ApiProblems({ 409: 'Nothing on this bid is waiting for your confirmation, or declarations are not all made.' })
  confirm(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<ConfirmedEntriesResponse> {
    return this.confirmation.confirm(caller, tenderId, bidId);
  }
}
