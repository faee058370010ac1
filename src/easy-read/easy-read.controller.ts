import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { EasyReadTemplateDto, FactCheckResponseDto, SendForFactCheckDto, WriteSummaryDto } from './dto/easy-read.dto';
import { EasyReadSummaryResponse, EasyReadTemplateResponse } from './dto/easy-read.response';
import { EasyReadService } from './easy-read.service';

@ApiTags('easy-read')
@Controller('tenders/:tenderId')
export class EasyReadController {
  constructor(private readonly easyRead: EasyReadService) {}

  @Get('easy-read/template')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'The easy-read template',
    description: 'Team: the headings and the word limit (per heading) every bid’s summary has; the default until set.',
  })
  @ApiOkResponse({ type: EasyReadTemplateResponse })
  template(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<EasyReadTemplateResponse> {
    return this.easyRead.template(caller, tenderId);
  }

  @Put('easy-read/template')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Set the easy-read template',
    description:
      'Team, until any summary has been sent to its bidder (then 409: every bid must have the same template). Drafts written under another template must be written again before they are sent.',
  })
  @ApiOkResponse({ type: EasyReadTemplateResponse })
  @ApiProblems({
    409: 'A summary has been sent for fact-check, or the tender is awarded or cancelled.',
    422: 'A heading is there twice.',
  })
  setTemplate(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: EasyReadTemplateDto,
  ): Promise<EasyReadTemplateResponse> {
    return this.easyRead.setTemplate(caller, tenderId, dto);
  }

  @Get('bids/:bidId/easy-read')
  @Auth()
  @ApiOperation({
    summary: 'A bid’s easy-read summary',
    description:
      'Team (once the box is open): every version with its readability and fact-check. The bid’s bidder: the versions sent to them. A panel member (as for the bid’s answers: declared, no conflict): the newest version its bidder approved or did not answer in time, or none. Anyone else: 404.',
  })
  @ApiOkResponse({ type: EasyReadSummaryResponse })
  @ApiProblems({ 409: 'A panel member must declare on every bid first.' })
  summary(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<EasyReadSummaryResponse> {
    return this.easyRead.summary(caller, tenderId, bidId);
  }

  @Post('bids/:bidId/easy-read/versions')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Write a new version of a bid’s summary',
    description:
      'Team, once the box is open: one part per heading of the template, in order, each within the word limit (422 naming the field otherwise). The readability of each part is returned as a warning, never a refusal.',
  })
  @ApiCreatedResponse({ type: EasyReadSummaryResponse })
  @ApiProblems({
    403: 'Not the tender team.',
    409: 'The tender is awarded or cancelled.',
    422: 'Not the template’s headings, or over the word limit.',
  })
  write(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: WriteSummaryDto,
  ): Promise<EasyReadSummaryResponse> {
    return this.easyRead.write(caller, tenderId, bidId, dto);
  }

  @Post('bids/:bidId/easy-read/versions/:versionId/send')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a version to the bidder to fact-check',
    description:
      'Team: the newest version, once, written under the current template. The bidder has workingDays (Monday to Friday, default 5) to approve or comment; after that it is no response.',
  })
  @ApiOkResponse({ type: EasyReadSummaryResponse })
  @ApiProblems({ 403: 'Not the tender team.', 409: 'Sent already, not the newest version, or written under another template.' })
  send(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('versionId') versionId: string,
    @Body() dto: SendForFactCheckDto,
  ): Promise<EasyReadSummaryResponse> {
    return this.easyRead.send(caller, tenderId, bidId, versionId, dto);
  }

  @Post('bids/:bidId/easy-read/versions/:versionId/response')
  @Auth('bidder')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or comment on the summary of your bid',
    description:
      'The bid’s bidder, on a version sent to them, before its respondBy (409 after it: recorded as no response). A comment is required to comment.',
  })
  @ApiOkResponse({ type: EasyReadSummaryResponse })
  @ApiProblems({ 403: 'Not the bid’s bidder.', 409: 'Answered already, a newer version was sent, or the time has passed.' })
  respond(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('versionId') versionId: string,
    @Body() dto: FactCheckResponseDto,
  ): Promise<EasyReadSummaryResponse> {
    return this.easyRead.respond(caller, tenderId, bidId, versionId, dto);
  }
}
