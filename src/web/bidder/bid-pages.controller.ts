import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommitmentInputDto } from '../../bids/dto/bid-input.dto';
import { CreateBidDto } from '../../bids/dto/create-bid.dto';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { addError, noErrors, validateForm } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { countWords, missingAnswers, parsePrice, timeLeft, whenInWords } from './bidder-view';
import { STATUS_WORDS } from './bidder-frame';
import { BidPageBase, MAX_CHARACTERS, COMMITMENT_WORDS, keptCommitments, PRICE_WORDS } from './bid-page-base';

/**
 * Writing a bid (issue 15): start, a task list (answers, price, outcome commitments,
 * consortium), check your bid, submit with a receipt, resubmit, withdraw. Every change goes
 * through BidEntryService / BidSubmissionService, so the deadline (server clock), the sealed
 * box, word limits, versions and audit rows are the API's own. At and after the deadline
 * every change is refused with a page of its own; after it, the bid shows its status only.
 */
@WebPages('bids')
export class BidPagesController extends BidPageBase {
  @Get(':tenderId')
  async taskList(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!view.open) return this.renderStatus(caller, res, view, bid);
    if (!bid) return this.renderStart(res, view, { bidderName: '', price: '' }, noErrors());
    const answered = new Map(bid.responses.map((response) => [response.code, response]));
    const answerable = view.leaves.filter((leaf) => leaf.kind === 'scored' || leaf.kind === 'pass_fail');
    const done = (yes: boolean, optional = false) =>
      yes
        ? { text: 'Completed' }
        : { tag: { text: optional ? 'Optional' : 'Not yet started', classes: optional ? 'govuk-tag--grey' : 'govuk-tag--blue' } };
    const missing = missingAnswers(view.leaves, new Set(answered.keys()));
    res.render('bidder/views/task-list.njk', {
      pageTitle: 'Your bid',
      backLink: { href: `/opportunities/${tenderId}`, text: 'About this opportunity' },
      saved: saved === '1',
      view,
      bid,
      status: STATUS_WORDS[bid.status],
      deadline: whenInWords(new Date(view.tender.bidDeadline)),
      left: timeLeft(view.now, new Date(view.tender.bidDeadline)),
      answered: answerable.filter((leaf) => answered.has(leaf.code)).length,
      questions: answerable.length,
      missingCount: missing.length,
      sections: [
        { title: { text: 'Your organisation and price' }, href: `/bids/${tenderId}/price`, status: done(true) },
        ...answerable.map((leaf) => ({
          title: { text: `${leaf.code}: ${leaf.title}` },
          hint: {
            text: leaf.maxWords ? `Up to ${leaf.maxWords} words` : `Up to ${MAX_CHARACTERS.toLocaleString('en-GB')} characters`,
          },
          href: `/bids/${tenderId}/answers/${leaf.code}`,
          status: done(answered.has(leaf.code), leaf.kind === 'pass_fail'),
        })),
        {
          title: { text: 'Outcome commitments' },
          href: `/bids/${tenderId}/commitments`,
          status: done(bid.commitments.length > 0, true),
        },
        {
          title: { text: 'Consortium members' },
          href: `/bids/${tenderId}/consortium`,
          status: done(bid.consortium.length > 0, true),
        },
      ],
    });
  }

  @Post(':tenderId/start')
  async start(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (bid) return res.redirect(303, `/bids/${tenderId}`);
    const values = { bidderName: formValue(body, 'bidderName').trim(), price: formValue(body, 'price').trim() };
    const { value, form } = validateForm(
      CreateBidDto,
      { bidderName: values.bidderName, price: parsePrice(values.price), responses: [] },
      PRICE_WORDS,
    );
    if (form.errors.length === 0) {
      const refused = await this.attempt(res, view, bid, () => this.entry.create(caller, tenderId, value));
      if (refused) return;
      return res.redirect(303, `/bids/${tenderId}?saved=1`);
    }
    res.status(400);
    this.renderStart(res, view, values, form);
  }

  @Get(':tenderId/price')
  async pricePage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    this.renderPrice(
      res,
      view,
      { bidderName: bid.bidderName ?? '', price: bid.price === null ? '' : bid.price.toFixed(2) },
      noErrors(),
    );
  }

  @Post(':tenderId/price')
  async savePrice(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    const values = { bidderName: formValue(body, 'bidderName').trim(), price: formValue(body, 'price').trim() };
    const { form } = validateForm(
      CreateBidDto,
      { bidderName: values.bidderName, price: parsePrice(values.price), responses: [] },
      PRICE_WORDS,
    );
    if (form.errors.length === 0) {
      return this.change(res, caller, view, bid, { bidderName: values.bidderName, price: parsePrice(values.price) as number });
    }
    res.status(400);
    this.renderPrice(res, view, values, form);
  }

  @Get(':tenderId/answers/:code')
  async answerPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    const leaf = this.leafOf(view, code);
    this.renderAnswer(res, view, leaf, bid.responses.find((response) => response.code === leaf.code)?.text ?? '', noErrors());
  }

  @Post(':tenderId/answers/:code')
  async saveAnswer(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    const leaf = this.leafOf(view, code);
    const text = formValue(body, 'answer');
    const form = noErrors();
    if (leaf.maxWords !== null && countWords(text) > leaf.maxWords) {
      addError(form, 'answer', `Your answer has ${countWords(text)} words. Cut it to ${leaf.maxWords} words or fewer.`);
    } else if ([...text].length > MAX_CHARACTERS) {
      addError(
        form,
        'answer',
        `Your answer is too long. Cut it to ${MAX_CHARACTERS.toLocaleString('en-GB')} characters or fewer.`,
      );
    }
    if (form.errors.length === 0) return this.change(res, caller, view, bid, { responses: [{ criterion: leaf.code, text }] });
    res.status(400);
    this.renderAnswer(res, view, leaf, text, form);
  }

  @Get(':tenderId/commitments')
  async commitments(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    res.render('bidder/views/commitments.njk', {
      pageTitle: 'Outcome commitments',
      backLink: { href: `/bids/${tenderId}`, text: 'Your bid' },
      view,
      bid,
    });
  }

  @Get(':tenderId/commitments/:position')
  async commitmentPage(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('position') position: string,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    const index = this.commitmentIndex(bid, position);
    const existing = index === null ? null : bid.commitments[index];
    const [year, month, day] = existing?.by?.split('-') ?? ['', '', ''];
    this.renderCommitment(
      res,
      view,
      position,
      {
        outcome: existing?.outcome ?? '',
        measure: existing?.measure ?? '',
        baseline: existing?.baseline === null || existing === null ? '' : String(existing.baseline),
        target: existing ? String(existing.target) : '',
        day,
        month,
        year,
      },
      noErrors(),
    );
  }

  @Post(':tenderId/commitments/:position')
  async saveCommitment(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('position') position: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!bid) return res.redirect(303, `/bids/${tenderId}`);
    const index = this.commitmentIndex(bid, position);
    const values = Object.fromEntries(
      ['outcome', 'measure', 'baseline', 'target', 'day', 'month', 'year'].map((field) => [field, formValue(body, field).trim()]),
    );
    const by =
      values.day || values.month || values.year
        ? `${values.year.padStart(4, '0')}-${values.month.padStart(2, '0')}-${values.day.padStart(2, '0')}`
        : undefined;
    const number = (typed: string) =>
      typed === '' ? undefined : /^-?\d+(\.\d+)?$/.test(typed.replace(/,/g, '')) ? Number(typed.replace(/,/g, '')) : typed;
    const input = {
      ...(index !== null && bid.commitments[index].code ? { criterion: bid.commitments[index].code } : {}),
      outcome: values.outcome,
      measure: values.measure,
      target: number(values.target),
      ...(values.baseline !== '' ? { baseline: number(values.baseline) } : {}),
      ...(by ? { by } : {}),
    };
    const { form } = validateForm(CommitmentInputDto, input, COMMITMENT_WORDS, { by: 'by-day' });
    if (form.errors.length === 0) {
      const list = keptCommitments(bid);
      if (index === null) list.push(input as CommitmentInputDto);
      else list[index] = input as CommitmentInputDto;
      return this.change(res, caller, view, bid, { commitments: list }, `/bids/${tenderId}/commitments`);
    }
    res.status(400);
    this.renderCommitment(res, view, position, values, form);
  }

  @Post(':tenderId/commitments/:position/remove')
  async removeCommitment(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Param('position') position: string,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!bid) return res.redirect(303, `/bids/${tenderId}`);
    const index = this.commitmentIndex(bid, position);
    if (index === null) throw new DomainError('not_found', 'No such commitment.');
    const list = keptCommitments(bid).filter((_item, i) => i !== index);
    return this.change(res, caller, view, bid, { commitments: list }, `/bids/${tenderId}/commitments`);
  }

  @Get(':tenderId/consortium')
  async consortiumPage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    this.renderConsortium(res, view, bid.consortium.join('\n'), noErrors());
  }

  @Post(':tenderId/consortium')
  async saveConsortium(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    const text = formValue(body, 'members');
    const names = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const form = noErrors();
    if (names.some((name) => [...name].length > 200)) addError(form, 'members', 'Each name must be 200 characters or fewer');
    if (names.length > 50) addError(form, 'members', 'List 50 members or fewer');
    if (form.errors.length === 0) return this.change(res, caller, view, bid, { consortium: names });
    res.status(400);
    this.renderConsortium(res, view, text, form);
  }
}
