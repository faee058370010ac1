import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiProblems } from '../openapi/problem-details';
import { ClarificationsService } from './clarifications.service';
import { AnswerQuestionDto, AskQuestionDto, IssueClarificationDto } from './dto/clarification.dto';
import { ClarificationResponse } from './dto/clarification.response';

@ApiTags('clarifications')
@Controller('tenders/:tenderId')
export class ClarificationsController {
  constructor(private readonly clarifications: ClarificationsService) {}

  @Post('questions')
  @Idempotent()
  @Auth('bidder')
  @ApiOperation({
    summary: 'Ask a clarification question',
    description:
      'A bidder, on a published tender, until its clarification deadline (server clock). The team answers; the answer is published to every bidder with the question and without the asker, unless the team keeps it private.',
  })
  @ApiCreatedResponse({ type: ClarificationResponse })
  @ApiProblems({
    409: 'The tender no longer takes questions: its clarification deadline has passed (clarificationDeadline), or it is no longer published.',
  })
  ask(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: AskQuestionDto,
  ): Promise<ClarificationResponse> {
    return this.clarifications.ask(caller, tenderId, dto);
  }

  @Post('clarifications')
  @Idempotent()
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Publish a clarification on the team’s own initiative',
    description: 'Team, while the tender is published: every bidder and the panel see it at once.',
  })
  @ApiCreatedResponse({ type: ClarificationResponse })
  @ApiProblems({ 409: 'The tender is not published.' })
  issue(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: IssueClarificationDto,
  ): Promise<ClarificationResponse> {
    return this.clarifications.issue(caller, tenderId, dto);
  }

  @Get('clarifications')
  @Auth()
  @ApiOperation({
    summary: 'The clarification log',
    description:
      'Team: every question (with who asked) and answer. Bidders: every published entry, and their own organisation’s questions whatever their state. Panel: published entries. Oldest first.',
  })
  @ApiOkResponse({ type: [ClarificationResponse] })
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ClarificationResponse[]> {
    return this.clarifications.list(caller, tenderId);
  }

  @Get('clarifications/:clarificationId')
  @Auth()
  @ApiOperation({ summary: 'One clarification', description: 'As in the log; one the caller may not see answers 404.' })
  @ApiOkResponse({ type: ClarificationResponse })
  get(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
  ): Promise<ClarificationResponse> {
    return this.clarifications.get(caller, tenderId, clarificationId);
  }

  @Post('clarifications/:clarificationId/answer')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer a question',
    description:
      'Team, while the tender is published; once. Published to every bidder (the question without the asker) unless private: true, with privateReason, when it reveals the asker’s commercial detail.',
  })
  @ApiOkResponse({ type: ClarificationResponse })
  @ApiProblems({ 409: 'Answered already, or the tender is not published.' })
  answer(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
    @Body() dto: AnswerQuestionDto,
  ): Promise<ClarificationResponse> {
    return this.clarifications.answer(caller, tenderId, clarificationId, dto);
  }

  @Post('clarifications/:clarificationId/publish')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a private answer to every bidder', description: 'Team, while the tender is published.' })
  @ApiOkResponse({ type: ClarificationResponse })
  @ApiProblems({ 409: 'Not a private answer (unanswered, or published already), or the tender is not published.' })
  publish(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('clarificationId') clarificationId: string,
  ): Promise<ClarificationResponse> {
    return this.clarifications.publish(caller, tenderId, clarificationId);
  }
}
