import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import {
  EnterContractDto,
  LiftChallengeDto,
  PublishedNoticeDto,
  RecordChallengeDto,
  StandstillSettingsDto,
} from './dto/standstill.dto';
import { RetentionEntry, StandstillResponse } from './dto/standstill.response';
import { StandstillService } from './standstill.service';

const STATE =
  'Where the tender stands after the award: the standstill, its working days, challenges and whether the contract may be entered into now (and if not, why).';

@ApiTags('after award')
@Controller('retention')
@Auth('commissioner', 'procurement')
export class RetentionController {
  constructor(private readonly standstill: StandstillService) {}

  @Get()
  @ApiOperation({
    summary: 'Records kept after the contract: what falls due when (team)',
    description:
      "Your team's tenders whose contract was entered into, with the date their records may be deleted (three years on, s.98) and whether it has passed.",
  })
  @ApiOkResponse({ type: [RetentionEntry] })
  retention(@CurrentUser() caller: Caller): Promise<RetentionEntry[]> {
    return this.standstill.retention(caller);
  }
}

@ApiTags('after award')
@Controller('tenders/:tenderId')
@Auth('commissioner', 'procurement')
export class StandstillController {
  constructor(private readonly standstill: StandstillService) {}

  @Get('standstill')
  @ApiOperation({ summary: 'The standstill and contract entry (team)', description: STATE })
  @ApiOkResponse({ type: StandstillResponse })
  get(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StandstillResponse> {
    return this.standstill.get(caller, tenderId);
  }

  @Patch('standstill')
  @ApiOperation({
    summary: 'Set whose bank holidays count and whether a standstill is kept (team)',
    description: 'Until the contract award notice is recorded. `nation` defaults to England and Wales, `kind` to mandatory.',
  })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({ 409: 'The contract award notice is already recorded, or the tender is still a draft.' })
  settings(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: StandstillSettingsDto,
  ): Promise<StandstillResponse> {
    return this.standstill.settings(caller, tenderId, dto);
  }

  @Post('standstill/award-notice')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record when the contract award notice was published (team)',
    description:
      "The standstill runs eight working days beginning with that day (UK time; weekends and the nation's bank holidays do not count) and ends at midnight after the eighth.",
  })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({
    409: 'The tender is not awarded, or the notice is already recorded.',
    422: 'publishedAt is in the future or before the award.',
  })
  awardNotice(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: PublishedNoticeDto,
  ): Promise<StandstillResponse> {
    return this.standstill.publishNotice(caller, tenderId, dto);
  }

  @Post('standstill/challenges')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a challenge received (team)',
    description: 'While it is open the contract cannot be entered into.',
  })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({
    409: 'No contract award notice yet, or the contract is already entered into.',
    422: 'receivedAt is in the future.',
  })
  challenge(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: RecordChallengeDto,
  ): Promise<StandstillResponse> {
    return this.standstill.recordChallenge(caller, tenderId, dto);
  }

  @Post('standstill/challenges/:challengeId/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a challenge no longer holds the contract back (team)' })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({ 409: 'The challenge is already lifted.' })
  lift(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('challengeId') challengeId: string,
    @Body() dto: LiftChallengeDto,
  ): Promise<StandstillResponse> {
    return this.standstill.liftChallenge(caller, tenderId, challengeId, dto);
  }

  @Post('contract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the contract was entered into (team)',
    description:
      'Refused (409, with the reason in a sentence) before the award notice, during the standstill, or while a challenge is open.',
  })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({
    409: 'Not awarded, no notice, the standstill has not ended, a challenge is open, or already entered.',
    422: 'enteredAt is in the future or inside the standstill.',
  })
  enter(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: EnterContractDto,
  ): Promise<StandstillResponse> {
    return this.standstill.enterContract(caller, tenderId, dto);
  }

  @Post('termination-notice')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record when the procurement termination notice was published (team)',
    description: 'For a published tender the buyer has cancelled instead of awarding (s.55).',
  })
  @ApiOkResponse({ type: StandstillResponse })
  @ApiProblems({
    409: 'The tender is not a cancelled published tender, or the notice is already recorded.',
    422: 'publishedAt is in the future.',
  })
  termination(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: PublishedNoticeDto,
  ): Promise<StandstillResponse> {
    return this.standstill.publishTerminationNotice(caller, tenderId, dto);
  }
}
