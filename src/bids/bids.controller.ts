import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/problem-details';
import type { Caller } from '../common/caller';
import { BidAssessmentService } from './bid-assessment.service';
import { BidEntryService } from './bid-entry.service';
import { BidReadingService } from './bid-reading.service';
import { BidReceiptService } from './bid-receipt.service';
import { BidReceiptResponse } from './dto/bid-receipt.response';
import { BidSubmissionService } from './bid-submission.service';
import { DisqualifyBidDto, RecordComplianceDto } from './dto/bid-actions.dto';
import { BidDetailResponse, ComplianceRecordResponse } from './dto/bid.response';
import { CreateBidDto } from './dto/create-bid.dto';
import { UpdateBidDto } from './dto/update-bid.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';

const NOT_VISIBLE = 'No such bid, or not visible to you: sealed until the tender closes (problem+json).';
const DEADLINE =
  'The tender is not published, or its bid deadline has passed (server clock), or the bid is withdrawn (problem+json).';

@ApiTags('bids')
@Controller('tenders/:tenderId/bids')
export class BidsController {
  constructor(
    private readonly entry: BidEntryService,
    private readonly submission: BidSubmissionService,
    private readonly reading: BidReadingService,
    private readonly assessment: BidAssessmentService,
    private readonly receipts: BidReceiptService,
  ) {}

  @Get(':bidId/receipt')
  @Auth('bidder', 'commissioner', 'procurement')
  @ApiOperation({
    summary: 'The receipt of the submitted bid',
    description:
      'Its keeper (the bidder; the team for a paper bid): the version that counts, the server time it was received, its canonical content and the SHA-256 of that content (docs/BIDS.md "Receipts").',
  })
  @ApiOkResponse({ type: BidReceiptResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiProblems({ 409: 'Not submitted yet: no receipt.' })
  receipt(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<BidReceiptResponse> {
    return this.receipts.receipt(caller, tenderId, bidId);
  }

  @Post()
  @Idempotent()
  @Auth('bidder', 'commissioner', 'procurement')
  @ApiOperation({
    summary: 'Start a bid (draft)',
    description:
      'A bidder starts its organisation\u2019s bid; the tender team enters a bid received on paper (marked paper: true; organisationType required). ' +
      'One live bid per organisation per tender: a second one answers 409 with existingBidId. Published tenders only, before the deadline.',
  })
  @ApiBody({
    type: CreateBidDto,
    examples: {
      online: {
        summary: 'A VCSE consortium bids online',
        value: {
          bidderName: 'Camden Mind Partnership',
          consortium: ['Holborn Community Association'],
          price: 1249500.5,
          responses: [
            { criterion: 'Q1', text: 'A day service open six days a week, planned each month with members.' },
            { criterion: 'C1', text: 'Members co-chair the steering group; peer workers are paid the real living wage.' },
          ],
          commitments: [
            {
              criterion: 'SV1',
              outcome: 'Members move into paid work or volunteering',
              measure: 'Starts per year',
              target: 40,
              baseline: 12,
              by: '2028-03-31',
            },
          ],
        },
      },
      paper: {
        summary: 'The team enters a bid received on paper',
        value: {
          bidderName: 'Kentish Town Day Centre Trust',
          organisationType: 'vcse',
          price: 980000,
          responses: [{ criterion: 'Q1', text: 'Transcribed from page 3 of the paper submission.' }],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: BidDetailResponse })
  @ApiConflictResponse({ description: `${DEADLINE} Or the organisation already has a live bid (existingBidId).` })
  @ApiUnprocessableEntityResponse({
    description:
      'A response names an unknown criterion, a section or the price criterion, or exceeds maxWords; a commitment names a criterion that is not a wider outcome.',
  })
  create(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: CreateBidDto,
  ): Promise<BidDetailResponse> {
    return this.entry.create(caller, tenderId, dto);
  }

  @Get()
  @Auth()
  @ApiOperation({
    summary: 'List bids',
    description:
      'Bidders: their own (every status). Team: submitted bids once the tender is closed (409 while sealed). Panel: those the panel rules allow.',
  })
  @ApiOkResponse({ type: [BidDetailResponse] })
  @ApiConflictResponse({ description: 'Team: bids are sealed until the tender closes; only submittedBidCount is known.' })
  list(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<BidDetailResponse[]> {
    return this.reading.list(caller, tenderId);
  }

  @Get(':bidId')
  @Auth()
  @ApiOperation({
    summary: 'Read a bid',
    description: 'Its bidder (latest version); the team and panel from evaluation on (the version that counts).',
  })
  @ApiOkResponse({ type: BidDetailResponse })
  @ApiProblems({ 409: "Not readable in the tender's or the bid's current state." })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  get(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<BidDetailResponse> {
    return this.reading.get(caller, tenderId, bidId);
  }

  @Patch(':bidId')
  @Auth('bidder', 'commissioner', 'procurement')
  @ApiOperation({
    summary: 'Edit a bid',
    description:
      'Its bidder (the team for a paper bid), before the deadline. Editing a submitted bid opens a new draft version; the submitted version counts until the new one is submitted. ' +
      'Responses merge by criterion (an empty text removes one); consortium and commitments, when given, replace the list.',
  })
  @ApiBody({
    type: UpdateBidDto,
    examples: {
      price: { summary: 'Revise the price', value: { price: 1199000 } },
      answer: {
        summary: 'Rewrite one answer',
        value: { responses: [{ criterion: 'Q1', text: 'Open six days a week, with a Saturday café run by members.' }] },
      },
    },
  })
  @ApiOkResponse({ type: BidDetailResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: DEADLINE })
  @ApiUnprocessableEntityResponse({
    description: 'Unknown, section or price criterion; too many words; commitment criterion not a wider outcome.',
  })
  update(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: UpdateBidDto,
  ): Promise<BidDetailResponse> {
    return this.submission.update(caller, tenderId, bidId, dto);
  }

  @Post(':bidId/submit')
  @Auth('bidder', 'commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit the bid',
    description: 'Its bidder, or the team for a paper bid; submittedAt is set by the server. Before the deadline only.',
  })
  @ApiOkResponse({ type: BidDetailResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: `${DEADLINE} Or there are no unsubmitted changes.` })
  @ApiUnprocessableEntityResponse({ description: 'Names each scored criterion without a response (`missing`).' })
  submit(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<BidDetailResponse> {
    return this.submission.submit(caller, tenderId, bidId);
  }

  @Post(':bidId/withdraw')
  @Auth('bidder', 'commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw the bid',
    description:
      'Its bidder (the team for a paper bid), before the deadline. A withdrawn bid never counts; the organisation may start a new one.',
  })
  @ApiOkResponse({ type: BidDetailResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: DEADLINE })
  withdraw(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
  ): Promise<BidDetailResponse> {
    return this.submission.withdraw(caller, tenderId, bidId);
  }

  @Put(':bidId/compliance/:criterion')
  @Auth('commissioner', 'procurement')
  @ApiOperation({
    summary: 'Record a pass/fail gate',
    description:
      'Team, while the tender is in evaluation or moderation. Re-recording replaces the current record; the audit trail keeps before and after.',
  })
  @ApiBody({
    type: RecordComplianceDto,
    examples: {
      pass: { summary: 'Passes', value: { passed: true, note: 'Insurance certificates checked against the ITT minimums.' } },
      fail: {
        summary: 'Fails (a note is required)',
        value: { passed: false, note: 'Employer\u2019s liability certificate expired; no renewal supplied.' },
      },
    },
  })
  @ApiOkResponse({ type: ComplianceRecordResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The tender is not in evaluation or moderation.' })
  @ApiUnprocessableEntityResponse({ description: 'The criterion is unknown or not a pass/fail gate.' })
  recordCompliance(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('criterion') criterion: string,
    @Body() dto: RecordComplianceDto,
  ): Promise<ComplianceRecordResponse> {
    return this.assessment.recordCompliance(caller, tenderId, bidId, criterion, dto);
  }

  @Post(':bidId/disqualify')
  @Auth('commissioner', 'procurement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disqualify a bid',
    description: 'Team, while the tender is in evaluation or moderation. The bid stays listed in results, never ranked.',
  })
  @ApiBody({
    type: DisqualifyBidDto,
    examples: {
      collusion: {
        summary: 'Breach of the ITT',
        value: { reason: 'The bidder contacted a panel member during evaluation (ITT clause 4.2).' },
      },
    },
  })
  @ApiOkResponse({ type: BidDetailResponse })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The tender is not in evaluation or moderation, or the bid is already disqualified.' })
  disqualify(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() dto: DisqualifyBidDto,
  ): Promise<BidDetailResponse> {
    return this.assessment.disqualify(caller, tenderId, bidId, dto.reason);
  }
}
