import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClarificationsService } from '../../clarifications/clarifications.service';
import type { Caller } from '../../common/caller';
import { Db } from '../../database/db.service';
import { HelpDirectory } from '../help-directory.service';
import { PageCaller, WebPages } from '../web-page';
import { panelQuestions } from './panel-view';

/**
 * "Questions bidders asked" (issue 15): the tender's published clarifications in the member's
 * panel session — questions without who asked, the team's answers, and the notes it sent on its
 * own. No declarations first: the log is what every bidder reads, and holds nothing of any bid
 * (docs/WEB.md). ClarificationsService.listForPanel answers for this tender's panel only.
 */
@WebPages('panel')
export class PanelQuestionsPagesController {
  constructor(
    private readonly clarifications: ClarificationsService,
    private readonly help: HelpDirectory,
    private readonly db: Db,
  ) {}

  @Get(':tenderId/questions')
  async page(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    // The access check first: the header names the buyer only for a tender the caller is on.
    const questions = await this.db.read(async () => {
      const entries = await this.clarifications.listForPanel(caller, tenderId);
      res.locals.homeUrl = `/panel/${tenderId}`;
      res.locals.organisationName = await this.help.buyerOf(tenderId);
      return panelQuestions(entries);
    });
    res.render('panel/views/questions.njk', {
      pageTitle: 'Questions bidders asked',
      tenderId,
      questions,
      notes: questions.some((entry) => entry.question === null),
    });
  }
}
