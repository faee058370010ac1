import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { ConflictsService } from './conflicts.service';
import { DeclareTeamInterestDto, RecordMitigationDto, RecordReviewDto } from './dto/conflicts.dto';
import {
  ConflictsAssessmentResponse,
  MitigationResponse,
  ReviewResponse,
  TeamDeclarationResponse,
} from './dto/conflicts.response';

const PDF = { status: 200, description: 'The PDF (A4).', schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('after award')
@Controller('tenders/:tenderId/conflicts')
@Auth('commissioner', 'procurement')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @Get()
  @ApiOperation({
    summary: 'The conflicts assessment (team; any status, from the draft on)',
    description:
      'Everyone who influences the decision (the tender team, the approvers among them, the panel with lived-experience members by ' +
      'pseudonym), every statement each made (append-only: a re-declaration is a new version), each conflict with its mitigations, ' +
      'and the reviews (Procurement Act 2023 ss.81–83).',
  })
  @ApiOkResponse({ type: ConflictsAssessmentResponse })
  get(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<ConflictsAssessmentResponse> {
    return this.conflicts.get(caller, tenderId);
  }

  @Get('assessment.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The conflicts assessment as a PDF (team)',
    description: 'The same content as GET …/conflicts, with its revision; audited as conflict_assessment.downloaded.',
  })
  @ApiProduces('application/pdf')
  @ApiResponse(PDF)
  async pdf(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StreamableFile> {
    const file = await this.conflicts.document(caller, tenderId);
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.pdf.length,
    });
  }

  @Put('my-declaration')
  @ApiOperation({
    summary: 'Declare your own interests on this tender (a team member; any status)',
    description:
      'Once per tender, before you approve opening the bids, open them or award, and again whenever it changes: a different statement ' +
      'is a new version and the earlier ones stay; the same statement changes nothing (changed: false). Audited.',
  })
  @ApiOkResponse({ type: TeamDeclarationResponse })
  declare(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: DeclareTeamInterestDto,
  ): Promise<TeamDeclarationResponse> {
    return this.conflicts.declareTeam(caller, tenderId, dto);
  }

  @Post('mitigations')
  @ApiOperation({
    summary: 'Record what the team does about one conflict (team)',
    description: 'A new text for the same conflict is its next version; the earlier ones stay. Audited.',
  })
  @ApiCreatedResponse({ type: MitigationResponse })
  @ApiProblems({ 422: 'subjectId names no declared conflict of this tender.' })
  mitigate(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: RecordMitigationDto,
  ): Promise<MitigationResponse> {
    return this.conflicts.mitigate(caller, tenderId, dto);
  }

  @Post('reviews')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a review of the conflicts assessment (team)',
    description: 'Each review is the next revision of the document, with who reviewed it and when. Audited.',
  })
  @ApiCreatedResponse({ type: ReviewResponse })
  review(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() dto: RecordReviewDto,
  ): Promise<ReviewResponse> {
    return this.conflicts.review(caller, tenderId, dto);
  }
}
