import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { AssessmentSummariesService } from './assessment-summaries.service';
import { BidderSummaries } from './bidder-summaries.service';
import { RecordSummarySentDto, WriteSummaryWordsDto } from './dto/assessment-summary.dto';
import {
  AssessmentSummaryResponse,
  AssessmentSummaryDocumentResponse,
  AssessmentSummaryListResponse,
} from './dto/assessment-summary.response';
import type { SummaryFormat } from './summary-files';

const FILE_TYPES: Record<SummaryFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function download(file: { bytes: Buffer; fileName: string }, format: SummaryFormat): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: FILE_TYPES[format],
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.bytes.length,
  });
}

const AFTER_AWARD = { 409: 'The tender is not awarded: summaries follow the award decision.' };

@ApiTags('after award')
@Controller('tenders/:tenderId/assessment-summaries')
@Auth('commissioner', 'procurement')
export class AssessmentSummariesController {
  constructor(private readonly summaries: AssessmentSummariesService) {}

  @Get()
  @ApiOperation({
    summary: "The tender's assessment summaries (team, once awarded)",
    description: 'One per assessed bid (Procurement Act 2023 s.50(3)–(5)), with where each stands: draft, approved, sent.',
  })
  @ApiOkResponse({ type: AssessmentSummaryListResponse })
  @ApiProblems(AFTER_AWARD)
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AssessmentSummaryListResponse> {
    return this.summaries.list(caller, tenderId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Generate a draft summary for every assessed bid (team, once awarded)',
    description:
      'Drafts from the results and the moderation rationales (or, where a score was not moderated, what the panel wrote, never ' +
      'who wrote it). Bids that already have a summary keep it. Audited as assessment_summary.generated.',
  })
  @ApiCreatedResponse({ type: AssessmentSummaryListResponse })
  @ApiProblems(AFTER_AWARD)
  generate(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<AssessmentSummaryListResponse> {
    return this.summaries.generate(caller, tenderId);
  }

  @Get(':bidId')
  @ApiOperation({
    summary: "One bid's assessment summary (team)",
    description: 'Every figure is read from the evaluation (as GET /results); the words are the newest version.',
  })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiProblems(AFTER_AWARD)
  get(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<AssessmentSummaryResponse> {
    return this.summaries.get(caller, tenderId, bidId);
  }

  @Put(':bidId')
  @ApiOperation({
    summary: 'Write new words for a summary (team)',
    description:
      'The explanations named are replaced and the others kept; the result is the next version and a draft again, to be ' +
      'approved. Words only: the figures are never editable. 409 once sent. Audited as assessment_summary.edited.',
  })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiProblems(AFTER_AWARD, { 422: 'A criterion that is not a scored or price criterion of this tender.' })
  write(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: WriteSummaryWordsDto,
  ): Promise<AssessmentSummaryResponse> {
    return this.summaries.write(caller, tenderId, bidId, dto);
  }

  @Post(':bidId/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a summary (a second team member)',
    description: 'Not by the member who wrote its newest words (403). Audited as assessment_summary.approved.',
  })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiProblems(AFTER_AWARD, { 403: 'You wrote the newest words.' })
  approve(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<AssessmentSummaryResponse> {
    return this.summaries.approve(caller, tenderId, bidId);
  }

  @Post(':bidId/sent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the day an approved summary was sent (team)',
    description:
      'Once every summary is sent, the last day is the award notice’s date the summaries were sent. The supplier is emailed a ' +
      'link to read it. Audited as assessment_summary.sent.',
  })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiProblems(AFTER_AWARD, { 422: 'sentOn in the future or before the award.' })
  sent(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: RecordSummarySentDto,
  ): Promise<AssessmentSummaryResponse> {
    return this.summaries.recordSent(caller, tenderId, bidId, dto);
  }

  @Get(':bidId/summary.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The summary as a PDF (team)', description: 'Audited as assessment_summary.downloaded.' })
  @ApiProduces(FILE_TYPES.pdf)
  @ApiResponse({ status: 200, description: 'The PDF (A4).', schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string, @Param('bidId') bidId: string) {
    return download(await this.summaries.file(caller, tenderId, bidId, 'pdf'), 'pdf');
  }

  @Get(':bidId/summary.docx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The summary as a Word document (team)', description: 'Audited as assessment_summary.downloaded.' })
  @ApiProduces(FILE_TYPES.docx)
  @ApiResponse({ status: 200, description: 'The Word document.', schema: { type: 'string', format: 'binary' } })
  async docx(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string, @Param('bidId') bidId: string) {
    return download(await this.summaries.file(caller, tenderId, bidId, 'docx'), 'docx');
  }
}

@ApiTags('after award')
@Controller('tenders/:tenderId/bids/:bidId/assessment-summary')
@Auth('bidder')
export class BidderSummaryController {
  constructor(private readonly summaries: BidderSummaries) {}

  @Get()
  @ApiOperation({
    summary: 'Your assessment summary (the bid’s bidder, once the team has sent it)',
    description: '404 before it is sent, and for anyone but the bid’s own bidder.',
  })
  @ApiOkResponse({ type: AssessmentSummaryDocumentResponse })
  read(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<AssessmentSummaryDocumentResponse> {
    return this.summaries.read(caller, tenderId, bidId);
  }
}
