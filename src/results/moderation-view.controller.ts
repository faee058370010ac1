import { Controller, Get, Param } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ModerationResponse } from '../moderation/dto/moderation.response';
import { ModerationViewService } from './moderation-view.service';

/**
 * GET moderation: a view of the evaluation, so it lives with the results (it reads through
 * `Evaluation`, which reads the moderation feature's records: moderation never imports results).
 */
@ApiTags('moderation')
@Controller('tenders/:tenderId')
@Auth('commissioner', 'procurement')
export class ModerationViewController {
  constructor(private readonly viewer: ModerationViewService) {}

  @Get('moderation')
  @ApiOperation({ summary: 'Every individual score with statistics, flags and the moderated score (team, moderation or later)' })
  @ApiOkResponse({ type: ModerationResponse })
  @ApiConflictResponse({ description: 'Before moderation: individual scores are confidential.' })
  view(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ModerationResponse> {
    return this.viewer.view(caller, tenderId);
  }
}
