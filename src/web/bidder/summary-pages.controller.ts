import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BidderSummaries } from '../../assessment-summaries/bidder-summaries.service';
import { summaryBlocks } from '../../assessment-summaries/domain/summary-document';
import type { Caller } from '../../common/caller';
import { calendarDayWords } from '../after-award/after-award-view';
import { contentOfResponse } from '../after-award/summary-view';
import { PageCaller, WebPages } from '../web-page';
import { bidderOnly } from './bidder-frame';
import { BidWorkspace } from './bid-workspace.service';

/**
 * The supplier's own assessment summary (Procurement Act 2023 s.50), once the buyer has recorded
 * it as sent: the same words and figures as the PDF the team sends. Anyone else, and before it
 * is sent, gets the service's 404.
 */
@WebPages('bids')
export class SummaryPagesController {
  constructor(
    private readonly workspace: BidWorkspace,
    private readonly summaries: BidderSummaries,
  ) {}

  @Get(':tenderId/assessment-summary')
  async page(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    bidderOnly(caller, res);
    const view = await this.workspace.tender(caller, tenderId);
    res.locals.organisationName = view.buyer;
    const summary = await this.summaries.read(caller, tenderId, null);
    res.render('bidder/views/assessment-summary.njk', {
      pageTitle: 'Your assessment summary',
      backLink: { href: `/bids/${tenderId}`, text: 'Your bid' },
      view,
      summary,
      sentWords: summary.sentOn ? calendarDayWords(summary.sentOn) : null,
      blocks: summaryBlocks(contentOfResponse(summary)).slice(1),
    });
  }

  @Get(':tenderId/assessment-summary/download')
  async download(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    bidderOnly(caller, res);
    const file = await this.summaries.file(caller, tenderId, 'pdf');
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    res.send(file.bytes);
  }
}
