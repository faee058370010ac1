import { Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MemberConfirmationService } from '../../assisted/member-confirmation.service';
import type { Caller } from '../../common/caller';
import { AssignmentsService } from '../../scoring/assignments.service';
import { HelpDirectory } from '../help-directory.service';
import { PageCaller, WebPages } from '../web-page';

/**
 * The member's side of assisted scoring: "Check the scores entered for you", bid by bid,
 * and "These are my scores" (MemberConfirmationService, as the API's confirm route).
 */
@WebPages('panel')
export class EnteredForYouPagesController {
  constructor(
    private readonly confirmation: MemberConfirmationService,
    private readonly assignments: AssignmentsService,
    private readonly help: HelpDirectory,
  ) {}

  @Get(':tenderId/entered-for-you')
  async list(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('confirmed') confirmed: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    res.locals.homeUrl = `/panel/${tenderId}`;
    res.locals.organisationName = await this.help.buyerOf(tenderId);
    const work = await this.assignments.summary(caller, tenderId);
    const entered = await this.confirmation.enteredForMe(caller, tenderId);
    const titles = new Map(work.criteria.map((c) => [c.code, c.title]));
    const bidIds = [...new Set(entered.map((score) => score.bidId))];
    const bids = bidIds.map((bidId) => {
      const scores = entered.filter((score) => score.bidId === bidId);
      return {
        bidId,
        bid: scores[0].bid,
        waiting: scores.some((score) => score.entry?.confirmedByMemberAt === null),
        scores: scores.map((score) => ({
          ...score,
          title: titles.get(score.code) ?? score.code,
          words: score.entry?.words ?? '',
        })),
      };
    });
    res.render('assisted/views/entered-for-you.njk', {
      pageTitle: 'Check the scores entered for you',
      tenderId,
      confirmed: confirmed === '1',
      bids,
    });
  }

  @Post(':tenderId/entered-for-you/:bidId/confirm')
  async confirm(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.confirmation.confirm(caller, tenderId, bidId);
    res.redirect(303, `/panel/${tenderId}/entered-for-you?confirmed=1`);
  }
}
