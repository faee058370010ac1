import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClarificationNewsService } from '../../clarifications/clarification-news.service';
import { ClarificationsService } from '../../clarifications/clarifications.service';
import { AskQuestionDto } from '../../clarifications/dto/clarification.dto';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { PRICE_FORMULA_WORDS, panelInGeneralTerms, timeLeft, whenInWords } from './bidder-view';
import { BidWorkspace } from './bid-workspace.service';
import { bidderOnly, STATUS_WORDS } from './bidder-frame';

/** Opportunities: published tenders, one page each with the published Q&A and "Ask a question". */
@WebPages('opportunities')
export class OpportunityPagesController {
  constructor(
    private readonly workspace: BidWorkspace,
    private readonly clarifications: ClarificationsService,
    private readonly news: ClarificationNewsService,
  ) {}

  @Get()
  async list(
    @PageCaller() caller: Caller,
    @Query('registered') registered: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    bidderOnly(caller, res);
    const { now, rows } = await this.workspace.opportunities(caller);
    const news = await this.news.newSinceLastSignIn(caller);
    res.render('bidder/views/opportunities.njk', {
      pageTitle: 'Opportunities',
      registered: registered === '1',
      news: newsInWords(news.tenders),
      rows: rows.map(({ tender, open }) => ({
        id: tender.id,
        title: tender.title,
        reference: tender.reference,
        open,
        deadline: whenInWords(new Date(tender.bidDeadline)),
        left: open ? timeLeft(now, new Date(tender.bidDeadline)) : null,
      })),
    });
  }

  @Get(':tenderId')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('asked') asked: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, caller, tenderId, { values: {}, form: noErrors(), asked: asked === '1' });
  }

  @Post(':tenderId/questions')
  async ask(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    bidderOnly(caller, res);
    const values = { question: formValue(body, 'question') };
    const { value, form } = validateForm(AskQuestionDto, values, {
      question: 'Write your question, in 5000 characters or fewer',
    });
    if (form.errors.length === 0) {
      try {
        await this.clarifications.ask(caller, tenderId, value);
        return res.redirect(303, `/opportunities/${tenderId}?asked=1#questions`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
        form.errors.push({
          text: 'Questions have closed for this tender. You can still read the answers already published.',
          href: '#question',
        });
        form.fieldErrors.question = { text: 'Questions have closed for this tender' };
      }
    }
    res.status(400);
    await this.render(res, caller, tenderId, { values, form, asked: false });
  }

  private async render(
    res: Response,
    caller: Caller,
    tenderId: string,
    model: { values: object; form: FormErrors; asked: boolean },
  ): Promise<void> {
    bidderOnly(caller, res);
    const view = await this.workspace.tender(caller, tenderId);
    res.locals.organisationName = view.buyer;
    const [log, bid] = await Promise.all([
      this.workspace.clarificationLog(caller, tenderId),
      this.workspace.currentBid(caller, tenderId),
    ]);
    const { tender } = view;
    res.render('bidder/views/opportunity.njk', {
      pageTitle: tender.title,
      backLink: { href: '/opportunities', text: 'All opportunities' },
      tender,
      buyer: view.buyer,
      open: view.open,
      questionsOpen: view.questionsOpen,
      deadline: whenInWords(new Date(tender.bidDeadline)),
      questionsClose: whenInWords(new Date(tender.clarificationDeadline)),
      left: timeLeft(view.now, new Date(tender.bidDeadline)),
      leaves: view.leaves,
      scale: Object.entries(tender.scale.labels)
        .map(([level, label]) => ({ level: Number(level), ...label }))
        .sort((a, b) => b.level - a.level),
      priceWords: PRICE_FORMULA_WORDS[tender.priceFormula],
      panelLines: panelInGeneralTerms(view.leaves),
      published: log.filter((entry) => entry.status === 'published'),
      mine: log.filter((entry) => entry.yours && entry.status !== 'published'),
      bid: bid ? { status: STATUS_WORDS[bid.status] ?? bid.status } : null,
      ...model,
      ...model.form,
    });
  }
}

/** "3 new answers since you last signed in", and each opportunity with its count, linking to its answers. */
function newsInWords(tenders: { tenderId: string; title: string; count: number }[]) {
  const total = tenders.reduce((sum, tender) => sum + tender.count, 0);
  if (total === 0) return null;
  const answers = (n: number) => `${n} new answer${n === 1 ? '' : 's'}`;
  return {
    heading: `${answers(total)} since you last signed in`,
    items: tenders.map((tender) => ({
      href: `/opportunities/${tender.tenderId}#questions`,
      text: tender.title,
      count: answers(tender.count),
    })),
  };
}
