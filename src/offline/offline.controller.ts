import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { Caller } from '../common/caller';
import { ApiProblems } from '../openapi/problem-details';
import { XLSX_CONTENT_TYPE } from './domain/workbook-limits';
import { WorkbookImportResponse } from './dto/workbook-import.response';
import { OfflineWorkbookService } from './offline-workbook.service';

const WHO = 'The tender team for any member of its panel, or the member for their own seat.';

@ApiTags('panel')
@Controller('tenders/:tenderId/panel/:memberId/workbook')
@Auth('commissioner', 'procurement', 'panelist')
export class OfflineWorkbookController {
  constructor(private readonly workbooks: OfflineWorkbookService) {}

  @Get()
  @ApiOperation({
    summary: 'The member’s offline scoring workbook (xlsx; evaluation only)',
    description:
      `${WHO} One row per bid × criterion the member scores (bids named as the member sees them, conflicts left out, ` +
      'submitted scores left out), the question, what to look for, the bid’s answer, a drop-down score on the tender’s scale ' +
      'and a reason, with the member’s drafts filled in; a very hidden identity sheet carries the tender, the member and a ' +
      'signature. Recorded on the audit trail (offline_workbook.exported).',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiResponse({ status: 200, description: 'The .xlsx file.', schema: { type: 'string', format: 'binary' } })
  @ApiProblems({
    403: 'Not the team, and not this member.',
    409: 'Not in evaluation, past the scoring deadline, or declarations outstanding.',
  })
  async download(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
  ): Promise<StreamableFile> {
    const { file, fileName } = await this.workbooks.export(caller, tenderId, memberId);
    return new StreamableFile(file, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${fileName}"`,
      length: file.length,
    });
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a returned offline workbook as draft scores (evaluation only)',
    description:
      `${WHO} The body is the .xlsx file itself (at most 10 MB). Before it is parsed: at most 40 parts, 25 MB per part and ` +
      '40 MB in all when unpacked (declared and counted while inflating), only the parts of a plain workbook, at most 20 000 ' +
      'rows per sheet. Then: the workbook must be this member’s for this tender with its signature intact, no cell anywhere ' +
      'may hold a formula, each filled row needs a score on the scale and a reason. Nothing is stored unless the whole ' +
      'workbook is valid; every problem names its cell in `errors` (`Scores!F7`). The scores become drafts through the same ' +
      'rules as a save (audited score.saved with source offline_workbook, and offline_workbook.imported); the member reviews ' +
      'and submits them. A row whose score the member already submitted: 409.',
  })
  @ApiConsumes(XLSX_CONTENT_TYPE)
  @ApiBody({ description: 'The .xlsx file.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: WorkbookImportResponse })
  @ApiProblems({
    403: 'Not the team, and not this member.',
    409: 'Not in evaluation, declarations outstanding, or a row the member already submitted.',
    422: 'The file breaks a limit or a rule; each problem names the sheet and cell.',
  })
  upload(
    @CurrentUser() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Body() file: Buffer,
  ): Promise<WorkbookImportResponse> {
    return this.workbooks.import(caller, tenderId, memberId, Buffer.isBuffer(file) ? file : Buffer.alloc(0));
  }
}
