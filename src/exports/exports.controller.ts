import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { EXPORT_CONTENT_TYPES } from './domain/export-rules';
import { ExportsService } from './exports.service';

const NOT_VISIBLE = 'No such tender, or not visible to you (problem+json).';
const TOO_EARLY = 'Before moderation (an export would reveal every score), or the tender was cancelled (problem+json).';
const RECORDED = 'Every download is recorded on the audit trail with the SHA-256 of the bytes sent (action export.downloaded).';

@ApiTags('exports')
@Controller('tenders/:tenderId/exports')
@Auth('commissioner', 'procurement')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('evaluation-matrix.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The evaluation workbook (team, from moderation on)',
    description:
      'Sheets Cover, Summary, Criteria, Matrix, Scores, Moderation, Price, Panel, Commitments, Compliance. Subtotals, totals, ' +
      'weighted scores, panel scores and price scores are live formulas with the service’s values cached; a spreadsheet that ' +
      `recalculates gets the same 2-decimal totals as GET /results. Text written by people is never a formula. ${RECORDED}`,
  })
  @ApiProduces(EXPORT_CONTENT_TYPES['evaluation-matrix.xlsx'])
  @ApiResponse({ status: 200, description: 'The .xlsx file (streamed).', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: TOO_EARLY })
  matrix(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StreamableFile> {
    return this.exports.evaluationMatrix(caller, tenderId);
  }

  @Get('scores.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Every individual score, one row each (team, from moderation on)',
    description:
      'RFC 4180, UTF-8 with a byte order mark. Columns: bid, bidder, criterion, criterionTitle, member (lived-experience members ' +
      'by pseudonym), group, role, score, rationale, status, submittedAt, counted, whyNotCounted. Text that could start a ' +
      `formula is prefixed with a single quote. ${RECORDED}`,
  })
  @ApiProduces('text/csv')
  @ApiResponse({
    status: 200,
    description: 'The CSV file (streamed).',
    schema: { type: 'string', example: '\uFEFF"bid","bidder","criterion",…\r\n"Bid 1","Camden Mind Partnership","Q1",…' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: TOO_EARLY })
  scores(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StreamableFile> {
    return this.exports.scoresCsv(caller, tenderId);
  }

  @Get('evaluation.json')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The whole evaluation as JSON (team, from moderation on)',
    description:
      'tender, criteria, bids (with the counted version and how many were submitted), results (as GET /results), panel, ' +
      `declarations, individualScores, panelStatistics, moderatedScores (every version), compliance, commitments. ${RECORDED}`,
  })
  @ApiProduces('application/json')
  @ApiResponse({
    status: 200,
    description: 'The JSON document, as an attachment.',
    schema: {
      type: 'object',
      example: {
        protectiveMarking: 'OFFICIAL-SENSITIVE: COMMERCIAL',
        tender: { reference: 'LBC-2027-MHDC-01' },
        results: { complete: true },
      },
    },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: TOO_EARLY })
  evaluation(@CurrentUser() caller: Caller, @Param('tenderId') tenderId: string): Promise<StreamableFile> {
    return this.exports.evaluationJson(caller, tenderId);
  }
}
