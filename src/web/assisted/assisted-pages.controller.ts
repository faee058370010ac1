import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AssistedScoringService, type AssistedWork } from '../../assisted/assisted-scoring.service';
import { AssistedScoreDto, AssistedSubmitDto } from '../../assisted/dto/assisted-score.dto';
import { BidReadingService } from '../../bids/bid-reading.service';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { scaleLevelsFor } from '../../panel/domain/panel-rules';
import { RATIONALE_MAX_LENGTH } from '../../scoring/dto/save-score.dto';
import { TendersService } from '../../tenders/tenders.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { teamTender } from '../team/team-frame';
import { formValue, PageCaller, WebPages } from '../web-page';

const PLAIN = {
  score: 'Choose the score they gave',
  rationale: 'Write why they gave this score',
  method: 'Say whether they are here with you or you are using their paper form',
};

/**
 * Assisted scoring (docs/PANEL.md): a member of the team enters a lived-experience member's
 * scores on their behalf, in the panel's own criterion and check pages with an "entering
 * for" banner and the required "how do you have their scores" question. Every read and write
 * is AssistedScoringService's, as for the API.
 */
@WebPages('pages/tenders')
export class AssistedPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly assisted: AssistedScoringService,
    private readonly bids: BidReadingService,
  ) {}

  @Get(':tenderId/panel/:memberId/assist')
  async overview(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('memberId') memberId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, tenderId, res, 'panel');
    const work = await this.assisted.workFor(caller, tenderId, memberId);
    const base = `/tenders/${tenderId}/panel/${memberId}/assist`;
    const bids = work.bids.map((bid) => {
      const entered = work.entered.filter((score) => score.bidId === bid.bidId).length;
      const state = bid.submitted
        ? 'Submitted'
        : bid.access === 'conflict'
          ? 'Not scored: they know someone at this bidder'
          : bid.access === 'undeclared'
            ? 'They must answer the conflict of interest questions first'
            : `${entered} of ${work.criteria.length} entered for them`;
      const open = work.scoringOpen && bid.access === 'ok' && !bid.submitted;
      return { ...bid, state, href: open ? `${base}/bids/${bid.bidId}/check` : null };
    });
    res.render('assisted/views/assist.njk', {
      pageTitle: `Enter scores for ${enteringName(work)}`,
      tenderId,
      entering: { name: enteringName(work) },
      saved: saved === '1',
      scoringOpen: work.scoringOpen,
      bids,
    });
  }

  @Get(':tenderId/panel/:memberId/assist/bids/:bidId/criteria/:code')
  async criterionPage(
    @PageCaller() caller: Caller,
    @Param() params: Params,
    @Query('method') method: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.criterionOf(caller, params, res);
    const score = page.work.entered.find((s) => s.bidId === params.bidId && s.code === params.code);
    const values = { score: score ? String(score.score) : '', rationale: score?.rationale ?? '', method: method ?? '' };
    this.renderCriterion(res, page, values, noErrors());
  }

  @Post(':tenderId/panel/:memberId/assist/bids/:bidId/criteria/:code')
  async save(@PageCaller() caller: Caller, @Param() params: Params, @Body() body: unknown, @Res() res: Response): Promise<void> {
    const page = await this.criterionOf(caller, params, res);
    const values = {
      score: formValue(body, 'score'),
      rationale: formValue(body, 'rationale'),
      method: formValue(body, 'method'),
    };
    const { value, form } = validateForm(
      AssistedScoreDto,
      { score: values.score === '' ? undefined : Number(values.score), rationale: values.rationale, method: values.method },
      PLAIN,
      { score: 'score', rationale: 'rationale', method: 'method' },
    );
    if (form.errors.length === 0) {
      try {
        await this.assisted.save(caller, params.tenderId, params.memberId, params.bidId, params.code, value);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.code !== 'rule_violation' && error.code !== 'invalid_state')) throw error;
        addError(form, 'score', error.detail);
      }
    }
    if (form.errors.length > 0) return this.renderCriterion(res.status(400), page, values, form);
    const base = `/tenders/${params.tenderId}/panel/${params.memberId}/assist`;
    if (formValue(body, 'action') === 'later') return res.redirect(303, `${base}?saved=1`);
    const index = page.work.criteria.findIndex((c) => c.code === params.code);
    const next = page.work.criteria[index + 1];
    res.redirect(
      303,
      next
        ? `${base}/bids/${params.bidId}/criteria/${encodeURIComponent(next.code)}?method=${value.method}`
        : `${base}/bids/${params.bidId}/check`,
    );
  }

  @Get(':tenderId/panel/:memberId/assist/bids/:bidId/check')
  async check(@PageCaller() caller: Caller, @Param() params: Params, @Res() res: Response): Promise<void> {
    await teamTender(this.tenders, caller, params.tenderId, res, 'panel');
    const work = await this.assisted.workFor(caller, params.tenderId, params.memberId);
    this.renderCheck(res, params, work, { method: '' }, noErrors());
  }

  @Post(':tenderId/panel/:memberId/assist/bids/:bidId/submit')
  async submit(
    @PageCaller() caller: Caller,
    @Param() params: Params,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await teamTender(this.tenders, caller, params.tenderId, res, 'panel');
    const work = await this.assisted.workFor(caller, params.tenderId, params.memberId);
    const values = { method: formValue(body, 'method') };
    const { value, form } = validateForm(AssistedSubmitDto, values, PLAIN, { method: 'method' });
    if (form.errors.length === 0) {
      try {
        await this.assisted.submit(caller, params.tenderId, params.memberId, params.bidId, value);
        return res.redirect(303, `/tenders/${params.tenderId}/panel/${params.memberId}/assist?saved=1`);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.code !== 'rule_violation' && error.code !== 'invalid_state')) throw error;
        addError(form, 'method', error.detail);
      }
    }
    this.renderCheck(res.status(400), params, work, values, form);
  }

  private async criterionOf(caller: Caller, params: Params, res: Response) {
    const tender = await teamTender(this.tenders, caller, params.tenderId, res, 'panel');
    const work = await this.assisted.workFor(caller, params.tenderId, params.memberId);
    const bid = work.bids.find((b) => b.bidId === params.bidId && b.access === 'ok');
    const index = work.criteria.findIndex((c) => c.code === params.code);
    if (!bid || index < 0) throw new DomainError('not_found', 'Not found.');
    const node = work.criteria[index];
    const answer = await this.bids.answer(caller, params.tenderId, params.bidId, work.criteria[index].id);
    return { tender, work, bid, index, node, answer };
  }

  private renderCriterion(
    res: Response,
    page: Awaited<ReturnType<AssistedPagesController['criterionOf']>>,
    values: Record<string, string>,
    form: FormErrors,
  ): void {
    const { work, bid, index, node, tender } = page;
    res.render('panel/views/criterion.njk', {
      pageTitle: `${node.title} – ${bid.bid}`,
      entering: { name: enteringName(work) },
      bid,
      position: index + 1,
      total: work.criteria.length,
      criterion: { title: node.title, guidance: node.guidance },
      answer: page.answer,
      scale: scaleLevelsFor('lived_experience', tender.scale).reverse(),
      maxLength: RATIONALE_MAX_LENGTH,
      values,
      ...form,
    });
  }

  private renderCheck(res: Response, params: Params, work: AssistedWork, values: Record<string, string>, form: FormErrors): void {
    const bid = work.bids.find((b) => b.bidId === params.bidId && b.access === 'ok');
    if (!bid) throw new DomainError('not_found', 'Not found.');
    const base = `/tenders/${params.tenderId}/panel/${params.memberId}/assist`;
    const rows = work.criteria.map((criterion) => {
      const score = work.entered.find((s) => s.bidId === bid.bidId && s.criterionId === criterion.id);
      return {
        code: criterion.code,
        title: criterion.title,
        score: score ? String(score.score) : null,
        rationale: score?.rationale ?? null,
        href: `${base}/bids/${bid.bidId}/criteria/${encodeURIComponent(criterion.code)}`,
      };
    });
    res.render('panel/views/check.njk', {
      pageTitle: `Check the scores for ${bid.bid}`,
      entering: { name: enteringName(work) },
      tenderId: params.tenderId,
      bid: { ...bid, price: null },
      rows,
      values,
      submitAction: `${base}/bids/${bid.bidId}/submit`,
      laterHref: base,
      ...form,
    });
  }
}

interface Params {
  tenderId: string;
  memberId: string;
  bidId: string;
  code: string;
}

/** "Lived experience 1 (Jo Mensah)": the name on the record, and the name the team typed. */
function enteringName(work: AssistedWork): string {
  return work.member.contactName ? `${work.member.nameOnRecord} (${work.member.contactName})` : work.member.nameOnRecord;
}
