import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { WORKBOOK_LIMITS, XLSX_CONTENT_TYPE } from '../../offline/domain/workbook-limits';
import type { WorkbookImportResponse } from '../../offline/dto/workbook-import.response';
import { OfflineWorkbookService } from '../../offline/offline-workbook.service';
import { PanelService } from '../../panel/panel.service';
import { TendersService } from '../../tenders/tenders.service';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { fieldProblems, teamTender } from '../team/team-frame';
import { PageCaller, WebPages } from '../web-page';

interface PageState {
  errors?: { text: string; href: string }[];
  problems?: { where: string; message: string }[];
  imported?: WorkbookImportResponse;
  notice?: string;
}

/**
 * The team's offline workbook page for one panel member (issue 17 part 4): download the
 * member's workbook, upload the one they filled in. The services are the API's
 * (OfflineWorkbookService), so the page refuses exactly what the API refuses, naming each cell.
 */
@WebPages('pages/tenders')
export class OfflineWorkbookPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly panel: PanelService,
    private readonly workbooks: OfflineWorkbookService,
  ) {}

  @Get(':tenderId/panel/:memberId/workbook')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, caller, tenderId, memberId, {});
  }

  @Get(':tenderId/panel/:memberId/workbook/download')
  async download(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'panel');
    try {
      const { file, fileName } = await this.workbooks.export(caller, tenderId, memberId);
      res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.send(file);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      await this.render(res.status(409), caller, tenderId, memberId, { notice: error.detail });
    }
  }

  @Post(':tenderId/panel/:memberId/workbook')
  async upload(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const upload = req.workbookUpload;
    const problem =
      upload?.problem === 'too_large'
        ? `The file is larger than ${WORKBOOK_LIMITS.uploadBytes / 1024 / 1024} MB. Upload the workbook you were sent, filled in.`
        : !upload?.file
          ? 'Choose the filled-in workbook to upload.'
          : null;
    if (problem) {
      await this.render(res.status(400), caller, tenderId, memberId, { errors: [{ text: problem, href: '#workbook' }] });
      return;
    }
    try {
      const imported = await this.workbooks.import(caller, tenderId, memberId, upload!.file!);
      await this.render(res, caller, tenderId, memberId, { imported });
    } catch (error) {
      if (!(error instanceof DomainError) || !['rule_violation', 'invalid_state', 'validation'].includes(error.code)) throw error;
      const problems = fieldProblems(error).map((p) => ({
        where: placeWords(p.field),
        message: withoutField(p.message, p.field),
      }));
      const listed = problems.length > 0 ? problems : [{ where: 'The workbook', message: error.detail }];
      await this.render(res.status(error.code === 'invalid_state' ? 409 : 422), caller, tenderId, memberId, {
        errors: listed.slice(0, 20).map((p) => ({ text: messageWithPlace(p), href: '#workbook' })),
        problems: listed,
      });
    }
  }

  private async render(res: Response, caller: Caller, tenderId: string, memberId: string, state: PageState): Promise<void> {
    const tender: TenderResponse = await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const member = (await this.panel.list(caller, tenderId)).find((candidate) => candidate.id === memberId);
    if (!member) throw new DomainError('not_found', 'Panel member not found.');
    const title = `Offline workbook for ${member.name}`;
    res.render('offline/views/workbook.njk', {
      pageTitle: state.errors?.length ? `Error: ${title}` : title,
      title,
      tender,
      member,
      evaluation: tender.status === 'evaluation',
      limitMb: WORKBOOK_LIMITS.uploadBytes / 1024 / 1024,
      ...state,
    });
  }
}

/** "Scores!F7" → "Scores sheet, cell F7"; "workbook:xl/…" → "The file". */
function placeWords(field: string): string {
  const cell = /^(.+)!([A-Z]{1,3}\d+)$/.exec(field);
  if (cell) return `${cell[1]} sheet, cell ${cell[2]}`;
  if (field === 'workbook' || field.startsWith('workbook:')) return 'The file';
  return `${field} sheet`;
}

/** "Scores!F3 holds a formula." → "This cell holds a formula."; "Scores!F2: the scores…" → "The scores…". */
function withoutField(message: string, field: string): string {
  if (!message.startsWith(field)) return message;
  const rest = message.slice(field.length).replace(/^:\s*/, '');
  return rest === message.slice(field.length) ? `This cell${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}

function messageWithPlace(problem: { where: string; message: string }): string {
  return `${problem.where}: ${problem.message}`;
}
