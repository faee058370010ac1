import { Get, Param, Res, type StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import type { ExportKind } from '../../exports/domain/export-rules';
import { ExportsService } from '../../exports/exports.service';
import { reached } from '../../tenders/domain/tender-lifecycle';
import { pageError } from '../web-error.filter';
import { PageCaller, WebPages } from '../web-page';
import { TenderFrame } from './tender-frame';

/** The three downloads and what each is for (the files are the API's own: ExportsService). */
export const DOWNLOADS: { kind: ExportKind; title: string; format: string; purpose: string; slow: boolean }[] = [
  {
    kind: 'evaluation-matrix.xlsx',
    title: 'Evaluation matrix',
    format: 'Excel workbook',
    purpose:
      'For the tender file and the award report. Every score, the agreed scores, price and gates, with totals that recalculate. It prints on A4.',
    slow: true,
  },
  {
    kind: 'scores.csv',
    title: 'Every panel score',
    format: 'CSV file',
    purpose: 'One row for each score a panel member gave, with their reason. For checking scores in a spreadsheet of your own.',
    slow: false,
  },
  {
    kind: 'evaluation.json',
    title: 'The whole evaluation',
    format: 'JSON file',
    purpose: 'Everything in one file for another computer system, such as a contract register or an archive.',
    slow: false,
  },
];

const TOO_EARLY = pageError(409, {
  pageTitle: 'Downloads are not ready yet',
  lines: ['The files show every panel score, so you can download them once the team starts moderation.'],
});

/**
 * Downloads (issue 14, page 10). A large workbook takes seconds to build: its link goes to a
 * "preparing" page first, which shows at once and asks the browser (a zero-second refresh, no
 * JavaScript) for the file; the page stays readable while the file streams in.
 * Every file is recorded on the audit trail by ExportsService, as from the API.
 */
@WebPages('pages/tenders')
export class DownloadsPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly exports: ExportsService,
  ) {}

  @Get(':id/downloads')
  async list(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'downloads');
    res.render('evaluation/views/downloads.njk', {
      pageTitle: 'Downloads',
      tenderId,
      ready: tender.status !== 'cancelled' && reached(tender.status, 'moderation'),
      downloads: DOWNLOADS.map((download) => ({
        ...download,
        href: download.slow
          ? `/tenders/${tenderId}/downloads/${download.kind}/prepare`
          : `/tenders/${tenderId}/downloads/${download.kind}`,
      })),
    });
  }

  @Get(':id/downloads/:kind/prepare')
  async prepare(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('kind') kind: string,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'downloads');
    const download = DOWNLOADS.find((candidate) => candidate.kind === kind);
    if (!download) throw new DomainError('not_found', 'No such download.');
    if (tender.status === 'cancelled' || !reached(tender.status, 'moderation')) throw TOO_EARLY;
    res.render('evaluation/views/preparing.njk', {
      pageTitle: `Preparing the ${download.title.toLowerCase()}`,
      tenderId,
      download,
      fileUrl: `/tenders/${tenderId}/downloads/${download.kind}`,
    });
  }

  @Get(':id/downloads/evaluation-matrix.xlsx')
  matrix(@PageCaller() caller: Caller, @Param('id') tenderId: string): Promise<StreamableFile> {
    return this.file(() => this.exports.evaluationMatrix(caller, tenderId));
  }

  @Get(':id/downloads/scores.csv')
  scores(@PageCaller() caller: Caller, @Param('id') tenderId: string): Promise<StreamableFile> {
    return this.file(() => this.exports.scoresCsv(caller, tenderId));
  }

  @Get(':id/downloads/evaluation.json')
  evaluation(@PageCaller() caller: Caller, @Param('id') tenderId: string): Promise<StreamableFile> {
    return this.file(() => this.exports.evaluationJson(caller, tenderId));
  }

  private async file(open: () => Promise<StreamableFile>): Promise<StreamableFile> {
    try {
      return await open();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_state') throw TOO_EARLY;
      throw error;
    }
  }
}
