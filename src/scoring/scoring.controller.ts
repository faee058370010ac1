import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { AssignmentsService } from './assignments.service';
import { SaveScoreDto } from './dto/save-score.dto';
import { AssignmentsResponse, ScoreResponse, SubmittedBidScoresResponse } from './dto/score.response';
import { ScoringService } from './scoring.service';

@ApiTags('scoring')
@Controller('tenders/:tenderId')
@Auth('panelist')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('assignments')
  @ApiOperation({
    summary: 'What you score (the panel member): bids × your group’s criteria, in your group’s wording',
    description: 'Bids appear once you have declared an interest on every bid; "Bid 1", "Bid 2"… under blind marking.',
  })
  @ApiOkResponse({ type: AssignmentsResponse })
  assignmentsOf(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AssignmentsResponse> {
    return this.assignments.forCaller(caller, tenderId);
  }

  @Put('bids/:bidId/scores/:criterion')
  @ApiOperation({
    summary: 'Save a draft score (the panel member; evaluation only)',
    description:
      '`criterion` is an id or a code. A whole number on the scale and a written rationale; a submitted score never changes (409).',
  })
  @ApiBody({
    type: SaveScoreDto,
    examples: { draft: { value: { score: 4, rationale: 'Clear peer-support plan with paid roles; little on evaluation.' } } },
  })
  @ApiOkResponse({ type: ScoreResponse })
  @ApiNotFoundResponse({ description: 'Not a bid you may see (including one you declared a conflict with).' })
  @ApiConflictResponse({ description: 'Not in evaluation, declarations not all made, or the score is already submitted.' })
  @ApiUnprocessableEntityResponse({ description: 'Off the scale, unknown criterion, or a criterion your group does not score.' })
  save(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('criterion') criterion: string,
    @Body() dto: SaveScoreDto,
  ): Promise<ScoreResponse> {
    return this.scoring.save(caller, tenderId, bidId, criterion, dto);
  }

  @Post('bids/:bidId/scores/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit (lock) all your scores for a bid (the panel member; evaluation only)' })
  @ApiOkResponse({ type: SubmittedBidScoresResponse })
  @ApiUnprocessableEntityResponse({ description: 'Names each criterion still without a score.' })
  @ApiConflictResponse({ description: 'Already submitted, or not in evaluation.' })
  submit(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<SubmittedBidScoresResponse> {
    return this.scoring.submit(caller, tenderId, bidId);
  }

  @Get('scores/mine')
  @ApiOperation({ summary: 'Your own scores, drafts included (the panel member)' })
  @ApiOkResponse({ type: [ScoreResponse] })
  mine(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ScoreResponse[]> {
    return this.scoring.mine(caller, tenderId);
  }
}
