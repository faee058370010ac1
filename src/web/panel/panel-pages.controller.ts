import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MemberConfirmationService } from '../../assisted/member-confirmation.service';
import { BidReadingService } from '../../bids/bid-reading.service';
import { ClarificationsService } from '../../clarifications/clarifications.service';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { DeclarationsService } from '../../panel/declarations.service';
import { DeclareInterestDto } from '../../panel/dto/declare-interest.dto';
import { EasyReadService } from '../../easy-read/easy-read.service';
import { AssignmentsService, type AssignmentFrame, type BidAssignment } from '../../scoring/assignments.service';
import { RATIONALE_MAX_LENGTH, SaveScoreDto } from '../../scoring/dto/save-score.dto';
import type { AssignedBidResponse } from '../../scoring/dto/score.response';
import { ScoringService } from '../../scoring/scoring.service';
import { Db } from '../../database/db.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { pageError } from '../web-error.filter';
import { HelpDirectory } from '../help-directory.service';
import { formValue, PageCaller, WebPages } from '../web-page';
import {
  BID_TASK_STATUS_TEXT,
  bidProgressStatus,
  checkRows,
  countInWords,
  deadlineInWords,
  closedMeanwhile,
  deadlinePassed,
  nextCriterion,
  tagFor,
  type DeclarationPage,
} from './panel-view';

/** The panel journey (issue 13, steps 3–6), each page on the API's own services (docs/WEB.md). */
@WebPages('panel')
export class PanelPagesController {
  constructor(
    private readonly declarations: DeclarationsService,
    private readonly assignments: AssignmentsService,
    private readonly bids: BidReadingService,
    private readonly scoring: ScoringService,
    private readonly help: HelpDirectory,
    private readonly db: Db,
    private readonly easyRead: EasyReadService,
    private readonly enteredForYou: MemberConfirmationService,
    private readonly clarifications: ClarificationsService,
  ) {}

  /** A seat session has one tender; a professional signed in by password may sit on several. */
  @Get()
  async home(@PageCaller() caller: Caller, @Res() res: Response): Promise<void> {
    if (caller.seat) return res.redirect(303, `/panel/${caller.seat.tenderId}`);
    const tenders = await this.help.contactsFor(caller);
    if (tenders.length === 1) return res.redirect(303, `/panel/${tenders[0].tenderId}`);
    res.render('panel/views/tenders.njk', { pageTitle: 'Your tenders', tenders });
  }

  /** "Your scoring": declarations first, then the task list of bids. */
  @Get(':tenderId')
  async taskList(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // One read for the page: the seat, tender and bids the three services check are read once.
    const { work, toConfirm, questions } = await this.db.read(async () => {
      await this.frame(res, tenderId);
      const summary = await this.assignments.summary(caller, tenderId);
      const waiting = await this.enteredForYou.waitingCount(caller, tenderId);
      return { work: summary, toConfirm: waiting, questions: await this.clarifications.countForPanel(caller, tenderId) };
    });
    if (work.nextDeclarationBidId) return res.redirect(303, `/panel/${tenderId}/declarations/${work.nextDeclarationBidId}`);
    const tasks = work.bids.map((bid) => {
      const status = bidProgressStatus(bid);
      return {
        title: { text: bid.bid },
        href: status === 'submitted' ? `/panel/${tenderId}/bids/${bid.bidId}/submitted` : `/panel/${tenderId}/bids/${bid.bidId}`,
        status: status === 'not_started' || status === 'in_progress' ? tagFor(status) : { text: BID_TASK_STATUS_TEXT[status] },
      };
    });
    res.render('panel/views/task-list.njk', {
      pageTitle: 'Your scoring',
      saved: saved === '1',
      work,
      tasks,
      submitted: work.bids.filter((bid) => bid.submitted).length,
      finishBy: work.scoringDeadline ? deadlineInWords(new Date(work.scoringDeadline)) : null,
      deadlinePassed: deadlinePassed(work),
      conflicts: work.conflicts,
      conflictsInWords: countInWords(work.conflicts),
      toConfirm,
      questions: questions > 0 ? countInWords(questions) : null,
    });
  }

  @Get(':tenderId/declarations/:bidId')
  async declarationPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const { bid, position, total } = await this.declarationOf(caller, tenderId, bidId);
    const values = bid.declaration
      ? { conflict: bid.declaration.conflict ? 'yes' : 'no', details: bid.declaration.details ?? '' }
      : {};
    this.renderDeclaration(res, { tenderId, bid, position, total, values, form: noErrors() });
  }

  @Post(':tenderId/declarations/:bidId')
  async declare(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const { bid, position, total } = await this.declarationOf(caller, tenderId, bidId);
    const answer = formValue(body, 'conflict');
    const values = { conflict: answer, details: formValue(body, 'details') };
    const { value, form } = validateForm(
      DeclareInterestDto,
      {
        conflict: answer === 'yes' ? true : answer === 'no' ? false : undefined,
        ...(answer === 'yes' ? { details: values.details } : {}),
      },
      {
        conflict: `Select yes if you know anyone at ${bid.bidderName}`,
        details: `Say how you know someone at ${bid.bidderName}`,
      },
      { conflict: 'conflict', details: 'details' },
    );
    if (form.errors.length === 0) {
      try {
        const saved = await this.declarations.declare(caller, tenderId, bidId, value);
        const list = await this.declarations.list(caller, tenderId);
        const next = saved.outstanding > 0 ? list.bids.find((b) => b.declaration === null) : undefined;
        return res.redirect(303, next ? `/panel/${tenderId}/declarations/${next.bidId}` : `/panel/${tenderId}`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state' || !bid.declaration) throw error;
        addError(
          form,
          'conflict',
          'You told us before that you know someone here. You cannot change that. Ask the team if it was a mistake.',
        );
      }
    }
    this.renderDeclaration(res.status(400), { tenderId, bid, position, total, values, form });
  }

  /** A bid: on to the first criterion without a score, or to the check page. */
  @Get(':tenderId/bids/:bidId')
  async bid(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { bid } = await this.assigned(caller, tenderId, bidId);
    const code = nextCriterion(bid.items);
    res.redirect(
      303,
      code ? `/panel/${tenderId}/bids/${bidId}/criteria/${encodeURIComponent(code)}` : `/panel/${tenderId}/bids/${bidId}/check`,
    );
  }

  @Get(':tenderId/bids/:bidId/criteria/:code')
  async criterionPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('code') code: string,
    @Query('from') from: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.criterionOf(res, caller, tenderId, bidId, code);
    if (page.item.status === 'submitted') return res.redirect(303, `/panel/${tenderId}/bids/${bidId}/submitted`);
    const values = { score: page.item.score === null ? '' : String(page.item.score), rationale: page.item.rationale ?? '' };
    this.renderCriterion(res, { ...page, tenderId, values, form: noErrors(), fromCheck: from === 'check' });
  }

  @Post(':tenderId/bids/:bidId/criteria/:code')
  async saveScore(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.criterionOf(res, caller, tenderId, bidId, code);
    if (!page.work.scoringOpen) return this.scoringClosed(caller, res, page.work);
    const values = { score: formValue(body, 'score'), rationale: formValue(body, 'rationale') };
    const fromCheck = formValue(body, 'from') === 'check';
    const { value, form } = validateForm(
      SaveScoreDto,
      { score: values.score === '' ? undefined : Number(values.score), rationale: values.rationale },
      { score: 'Choose a score', rationale: 'Write why you gave this score' },
      { score: 'score', rationale: 'rationale' },
    );
    if (form.errors.length === 0) {
      try {
        await this.scoring.save(caller, tenderId, bidId, page.criterion.code, value);
      } catch (error) {
        if (closedMeanwhile(error)) return this.scoringClosed(caller, res, { ...page.work, scoringOpen: false });
        if (!(error instanceof DomainError) || error.code !== 'rule_violation') throw error;
        addError(form, 'score', 'Choose one of the scores on this page');
      }
    }
    if (form.errors.length > 0) return this.renderCriterion(res.status(400), { ...page, tenderId, values, form, fromCheck });
    if (formValue(body, 'action') === 'later') return res.redirect(303, `/panel/${tenderId}?saved=1`);
    const next = fromCheck ? null : nextCriterion(page.bid.items, page.criterion.code);
    res.redirect(
      303,
      next ? `/panel/${tenderId}/bids/${bidId}/criteria/${encodeURIComponent(next)}` : `/panel/${tenderId}/bids/${bidId}/check`,
    );
  }

  @Get(':tenderId/bids/:bidId/check')
  async check(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const { work, bid } = await this.assigned(caller, tenderId, bidId);
    if (bid.submitted) return res.redirect(303, `/panel/${tenderId}/bids/${bidId}/submitted`);
    this.renderCheck(res, tenderId, work, bid, noErrors());
  }

  @Post(':tenderId/bids/:bidId/submit')
  async submit(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const { work, bid } = await this.assigned(caller, tenderId, bidId);
    if (bid.submitted) return res.redirect(303, `/panel/${tenderId}/bids/${bidId}/submitted`);
    if (!work.scoringOpen) return this.scoringClosed(caller, res, work);
    try {
      await this.scoring.submit(caller, tenderId, bidId);
    } catch (error) {
      if (closedMeanwhile(error)) return this.scoringClosed(caller, res, { ...work, scoringOpen: false });
      if (!(error instanceof DomainError) || error.code !== 'rule_violation') throw error;
      const form = noErrors();
      for (const item of bid.items.filter((i) => i.status === 'not_started')) {
        const title = work.criteria.find((c) => c.criterionId === item.criterionId)?.title ?? item.code;
        addError(form, item.code, `Give a score for ‘${title}’`, `change-${item.code}`);
      }
      return this.renderCheck(res.status(400), tenderId, work, bid, form);
    }
    res.redirect(303, `/panel/${tenderId}/bids/${bidId}/submitted`);
  }

  @Get(':tenderId/bids/:bidId/submitted')
  async submitted(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('bidId') bidId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame(res, tenderId);
    const { bid } = await this.assigned(caller, tenderId, bidId);
    if (!bid.submitted) return res.redirect(303, `/panel/${tenderId}/bids/${bidId}/check`);
    const work = await this.assignments.summary(caller, tenderId);
    const done = work.bids.filter((b) => b.submitted).length;
    const next = work.bids.find((b) => !b.submitted);
    res.render('panel/views/submitted.njk', {
      pageTitle: `Scores submitted for ${bid.bid}`,
      tenderId,
      bid,
      done,
      total: work.bids.length,
      next,
    });
  }

  /* ------------------------------------------------------------------ helpers ------------- */

  /** The header of every panel page: who is buying, and the way back to "Your scoring". */
  private async frame(res: Response, tenderId: string): Promise<void> {
    res.locals.homeUrl = `/panel/${tenderId}`;
    res.locals.organisationName = await this.help.buyerOf(tenderId);
  }

  private async declarationOf(caller: Caller, tenderId: string, bidId: string) {
    const list = await this.declarations.list(caller, tenderId);
    const index = list.bids.findIndex((b) => b.bidId === bidId);
    if (index < 0) throw new DomainError('not_found', 'Bid not found.');
    return { bid: list.bids[index], position: index + 1, total: list.bids.length };
  }

  private renderDeclaration(res: Response, model: DeclarationPage): void {
    res.render('panel/views/declaration.njk', {
      pageTitle: `Do you know anyone at ${model.bid.bidderName}?`,
      ...model,
      ...model.form,
    });
  }

  /** The member's work on one bid (404 when it is not theirs to score, e.g. after declaring a conflict). */
  private async assigned(
    caller: Caller,
    tenderId: string,
    bidId: string,
  ): Promise<{ work: BidAssignment; bid: AssignedBidResponse }> {
    try {
      const work = await this.assignments.forBid(caller, tenderId, bidId);
      return { work, bid: work.bid };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_state')
        throw new DomainError('invalid_state', 'Declarations first.', { redirect: `/panel/${tenderId}` });
      if (error.code !== 'not_found') throw error;
      const declarations = await this.declarations.list(caller, tenderId);
      if (declarations.bids.find((b) => b.bidId === bidId)?.declaration?.conflict) {
        throw pageError(404, {
          pageTitle: 'You cannot score this bid',
          lines: ['You told us you know someone at this bidder. So you will not score their bid.', 'This keeps the choice fair.'],
          next: { href: `/panel/${tenderId}`, text: 'Go to your scoring' },
        });
      }
      throw error;
    }
  }

  /** The page's frame and work in one read: the seat, bids and declarations the two services check are read once. */
  private criterionOf(res: Response, caller: Caller, tenderId: string, bidId: string, code: string) {
    return this.db.read(() => this.frame(res, tenderId).then(() => this.criterionWork(caller, tenderId, bidId, code)));
  }

  private async criterionWork(caller: Caller, tenderId: string, bidId: string, code: string) {
    const { work, bid } = await this.assigned(caller, tenderId, bidId);
    const index = work.criteria.findIndex((c) => c.code === code);
    if (index < 0) throw new DomainError('not_found', 'Criterion not found.');
    const criterion = work.criteria[index];
    // The bidder's own words, through the same reading rules as GET /api/tenders/:id/bids/:bidId.
    const answer = await this.bids.answer(caller, tenderId, bidId, criterion.criterionId);
    const easyRead = await this.easyRead.panelVersion(caller, tenderId, bidId); // issue 17, part 5
    const item = bid.items[index];
    const questions = (await this.clarifications.countForPanel(caller, tenderId)) > 0; // links to the published Q&A
    return { work, bid, criterion, item, position: index + 1, total: work.criteria.length, answer, easyRead, questions };
  }

  private renderCriterion(
    res: Response,
    model: Awaited<ReturnType<PanelPagesController['criterionWork']>> & {
      tenderId: string;
      values: object;
      form: FormErrors;
      fromCheck: boolean;
    },
  ): void {
    res.render('panel/views/criterion.njk', {
      pageTitle: `${model.criterion.title} – ${model.bid.bid}`,
      ...model,
      ...model.form,
      scale: [...model.work.scale].reverse(),
      maxLength: RATIONALE_MAX_LENGTH,
    });
  }

  private renderCheck(res: Response, tenderId: string, work: BidAssignment, bid: AssignedBidResponse, form: FormErrors): void {
    const rows = checkRows(tenderId, work, bid);
    res.render('panel/views/check.njk', { pageTitle: `Check your scores for ${bid.bid}`, tenderId, work, bid, rows, ...form });
  }

  /** Scores can no longer change: the deadline has passed (say who to ask for more time), or the team closed scoring. */
  private async scoringClosed(caller: Caller, res: Response, work: AssignmentFrame): Promise<void> {
    const tenderId = work.tenderId;
    if (deadlinePassed(work)) {
      const contact = (await this.help.contactsFor(caller)).find((tender) => tender.tenderId === tenderId);
      const reach = [contact?.phone ? `on ${contact.phone}` : null, contact?.email ? `at ${contact.email}` : null]
        .filter(Boolean)
        .join(' or ');
      return res.status(409).render('views/error.njk', {
        pageTitle: 'The scoring deadline has passed',
        lines: [
          `Scoring closed at ${deadlineInWords(new Date(work.scoringDeadline!))}. You cannot change scores now.`,
          'The scores you saved are kept.',
          `If you need more time, contact ${contact?.name ?? 'the team'}${reach ? ` ${reach}` : ''}.`,
        ],
        next: { href: `/panel/${tenderId}`, text: 'Go to your scoring' },
      });
    }
    res.status(409).render('views/error.njk', {
      pageTitle: 'Scoring has closed',
      lines: ['The team has closed scoring, so you cannot change scores now.', 'The scores you saved are kept.'],
      next: { href: `/panel/${tenderId}`, text: 'Go to your scoring' },
    });
  }
}
