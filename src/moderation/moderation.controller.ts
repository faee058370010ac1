import { Body, Controller, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/problem-details';
import type { Caller } from '../common/caller';
import { TenderResponse } from '../tenders/dto/tender.response';
import { ModerateScoreDto } from './dto/moderation.dto';
import { ModeratedScoreResponse } from './dto/moderation.response';
import { ModeratedScoresService } from './moderated-scores.service';
import { etagOf, parseIfMatch } from './domain/moderation-rules';
import { StartModerationService } from './start-moderation.service';

/** Starting moderation and recording moderated scores; the moderation table is the results feature's (ModerationViewController). */
@ApiTags('moderation')
@Controller('tenders/:tenderId')
@Auth('commissioner', 'procurement')
export class ModerationController {
  constructor(
    private readonly starter: StartModerationService,
    private readonly moderated: ModeratedScoresService,
  ) {}

  @Post('start-moderation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'evaluation → moderation (team), once the panel is quorate',
    description:
      'Quorate: every criterion the lived-experience group scores has a submitted score from at least one lived-experience member ' +
      '(without a conflict) on every bid under evaluation; with equalRepresentation, at least as many lived-experience members as professionals.',
  })
  @ApiOkResponse({ type: TenderResponse })
  @ApiConflictResponse({
    description: 'Not in evaluation, or not quorate: `shortfalls` names every bid × criterion and the representation gap.',
  })
  start(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<TenderResponse> {
    return this.starter.start(caller, tenderId);
  }

  @Put('bids/:bidId/moderated/:criterion')
  @ApiOperation({
    summary: 'Record the consensus score (team, moderation only)',
    description:
      'Appends a new version; earlier versions and the individual scores stay on the record. Responds with the version, also as ETag.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version you last saw ("2", or 0 for none yet); stale → 412.',
    example: '"2"',
  })
  @ApiBody({
    type: ModerateScoreDto,
    examples: { consensus: { value: { score: 3, rationale: 'Panel agreed 3 after discussing the peer-support evidence.' } } },
  })
  @ApiOkResponse({
    type: ModeratedScoreResponse,
    headers: { ETag: { description: 'The new version, e.g. "3".', schema: { type: 'string' } } },
  })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale: the response carries currentVersion.' })
  @ApiUnprocessableEntityResponse({ description: 'Off the scale, unknown criterion, or not a scored criterion.' })
  @ApiProblems({ 409: 'Only while the tender is in moderation, and never for a disqualified bid.' })
  async record(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('criterion') criterion: string,
    @Body() dto: ModerateScoreDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModeratedScoreResponse> {
    const saved = await this.moderated.record(caller, tenderId, bidId, criterion, dto, parseIfMatch(ifMatch));
    response.setHeader('ETag', etagOf(saved.version));
    return saved;
  }
}
