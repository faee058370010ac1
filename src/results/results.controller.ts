import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { TenderResponse } from '../tenders/dto/tender.response';
import { AwardService } from './award.service';
import { AwardTenderDto } from './dto/award.dto';
import { ResultsResponse } from './dto/results.response';
import { ResultsService } from './results.service';

const NOT_VISIBLE = 'No such tender, or not visible to you (problem+json).';

@ApiTags('results')
@Controller('tenders/:tenderId')
@Auth('commissioner', 'procurement')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly awards: AwardService,
  ) {}

  @Get('results')
  @ApiOperation({
    summary: 'Ranked results with every score explained (team, from moderation on)',
    description:
      'Every bid submitted by the deadline (disqualified ones included; withdrawn bids never): eligibility with reasons, ' +
      'rank, total and subtotals, each criterion’s score and where it came from, flags, the gaps that still block the award, ' +
      'and the sensitivity of the winner’s lead. Numbers are exact until rounded half-up to 2 decimals here.',
  })
  @ApiOkResponse({ type: ResultsResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Before moderation (results would reveal scores), or the tender was cancelled.' })
  get(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ResultsResponse> {
    return this.results.results(caller, tenderId);
  }

  @Post('award')
  @HttpCode(200)
  @ApiOperation({
    summary: 'moderation → awarded (team), on complete results',
    description:
      'Awards the rank-1 bid, or the named one when rank 1 is shared. The ranking as it stood is written to the audit trail. ' +
      'From then on the tender is frozen: every change answers 409.',
  })
  @ApiBody({
    type: AwardTenderDto,
    examples: {
      winner: { summary: 'Award the rank-1 bid', value: {} },
      shared: { summary: 'Rank 1 is shared: name the bid', value: { bidId: '1f0e2d3c-4b5a-4698-8776-655443322110' } },
    },
  })
  @ApiOkResponse({ type: TenderResponse, description: 'The tender, now `awarded`, with awardedBidId and awardedAt.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({
    description: 'Not in moderation, or the results are incomplete: `gaps` lists every missing score or gate record.',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Rank 1 is shared and no bidId is named, or bidId names an unknown, ineligible or lower-ranked bid.',
  })
  award(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: AwardTenderDto,
  ): Promise<TenderResponse> {
    return this.awards.award(caller, tenderId, dto);
  }
}
