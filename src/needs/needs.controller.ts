import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { NeedsResponse } from './dto/needs.response';
import { DeleteNeedsDto, RecordNeedsDto } from './dto/record-needs.dto';
import { NeedsService } from './needs.service';

/** A panel member's communication and support needs (issue 17 part 1; docs/PANEL.md). */
@ApiTags('panel')
@Controller('tenders/:tenderId')
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

  @Get('needs')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: "Every panel member's communication and support needs (team)",
    description: 'Lived-experience members by their pseudonym. Never part of any export.',
  })
  @ApiOkResponse({ type: [NeedsResponse] })
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<NeedsResponse[]> {
    return this.needs.list(caller, tenderId);
  }

  @Get('panel/:memberId/needs')
  @Auth('commissioner', 'procurement', 'panelist')
  @ApiOperation({
    summary: "One member's communication and support needs (team, or the member themselves)",
    description: '`state` says whether anything is recorded; a deleted record shows who deleted it, when and at whose request.',
  })
  @ApiOkResponse({ type: NeedsResponse })
  @ApiProblems(403)
  get(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<NeedsResponse> {
    return this.needs.get(caller, tenderId, memberId);
  }

  @Put('panel/:memberId/needs')
  @Auth('commissioner', 'procurement', 'panelist')
  @ApiOperation({
    summary: "Record or change a member's needs, with their consent (team, or the member themselves)",
    description:
      'The whole record each time. `consent: true` is required: without it nothing is stored (422). The audit trail records ' +
      'which fields changed, never their content.',
  })
  @ApiBody({
    type: RecordNeedsDto,
    examples: {
      largePrint: {
        summary: 'Large print, reached by phone or through a support worker (do not email)',
        value: {
          consent: true,
          formats: ['large_print'],
          contactMethods: ['phone', 'support_worker'],
          supportPerson: { name: 'Sam Patel', relationship: 'support worker', contact: '07700 900123' },
          meetingNeeds: 'Step-free access; a break every hour.',
        },
      },
      language: {
        summary: 'Information in another language, by email',
        value: { consent: true, formats: ['another_language'], language: 'Polish', contactMethods: ['email'] },
      },
    },
  })
  @ApiOkResponse({ type: NeedsResponse })
  @ApiProblems({
    403: 'A bidder.',
    409: 'The needs were deleted at the member’s request.',
    422: 'The member’s consent is not given.',
  })
  record(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() dto: RecordNeedsDto,
  ): Promise<NeedsResponse> {
    return this.needs.record(caller, tenderId, memberId, dto);
  }

  @Delete('panel/:memberId/needs')
  @Auth('commissioner', 'procurement', 'panelist')
  @ApiOperation({
    summary: "Delete a member's needs at their request, once the tender is awarded or cancelled (team, or the member)",
    description: 'The content is cleared; a tombstone says who deleted it, when and at whose request.',
  })
  @ApiOkResponse({ type: NeedsResponse })
  @ApiProblems({ 403: 'A bidder.', 409: 'The tender is not yet awarded or cancelled, or the needs were already deleted.' })
  remove(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() dto: DeleteNeedsDto,
  ): Promise<NeedsResponse> {
    return this.needs.remove(caller, tenderId, memberId, dto);
  }
}
