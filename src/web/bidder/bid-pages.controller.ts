import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BidEntryService } from '../../bids/bid-entry.service';
import { BidReceiptService } from '../../bids/bid-receipt.service';
import { BidSubmissionService } from '../../bids/bid-submission.service';
import { CommitmentInputDto } from '../../bids/dto/bid-input.dto';
import type { BidDetailResponse } from '../../bids/dto/bid.response';
import { CreateBidDto } from '../../bids/dto/create-bid.dto';
import type { UpdateBidDto } from '../../bids/dto/update-bid.dto';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain-error';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { pageError } from '../web-error.filter';
import { formValue, PageCaller, WebPages } from '../web-page';
import { countWords, missingAnswers, parsePrice, timeLeft, whenInWords } from './bidder-view';
import { BidWorkspace, type BidderTender } from './bid-workspace.service';
import { bidderOnly, STATUS_WORDS } from './bidder-frame';

const MAX_CHARACTERS = 20_000;

interface Workspace {
  view: BidderTender;
  bid: BidDetailResponse | null;
}

/**
 * Writing a bid (issue 15): start, a task list (answers, price, outcome commitments,
 * consortium), check your bid, submit with a receipt, resubmit, withdraw. Every change goes
 * through BidEntryService / BidSubmissionService, so the deadline (server clock), the sealed
 * box, word limits, versions and audit rows are the API's own. At and after the deadline
 * every change is refused with a page of its own; after it, the bid shows its status only.
 */
@WebPages('bids')
export class BidPagesController {
  constructor(
    private readonly workspace: BidWorkspace,
    private readonly entry: BidEntryService,
    private readonly submission: BidSubmissionService,
    private readonly receipts: BidReceiptService,
  ) {}

  @Get(':tenderId')
  async taskList(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!view.open) return this.renderStatus(res, view, bid);
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

  @Get(':tenderId/check')
  async check(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    this.renderCheck(res, view, bid, noErrors());
  }

  /**
   * The check page's form names the bid it shows, so at the deadline the submit is one unit of
   * work: the service checks access, the deadline and completeness itself. The page's own
   * reads happen only when it must answer with a page (missing answers, a refusal).
   */
  @Post(':tenderId/submit')
  async submit(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    bidderOnly(caller, res);
    const bidId = formValue(body, 'bid');
    try {
      if (!bidId) throw new DomainError('rule_violation', 'The form did not say which bid.');
      await this.submission.submit(caller, tenderId, bidId);
      return res.redirect(303, `/bids/${tenderId}/receipt`);
    } catch (error) {
      if (!(error instanceof DomainError) || !['rule_violation', 'invalid_state'].includes(error.code)) throw error;
      const { view, bid } = await this.load(caller, tenderId, res);
      if (!bid) return res.redirect(303, `/bids/${tenderId}`);
      if (error.code === 'invalid_state') {
        await this.attempt(res, view, bid, () => Promise.reject(error)); // always throws: the refusal's page
        return;
      }
      const form = noErrors();
      for (const leaf of missingAnswers(view.leaves, new Set(bid.responses.map((response) => response.code)))) {
        form.errors.push({ text: `Answer ${leaf.code}: ${leaf.title}`, href: `/bids/${tenderId}/answers/${leaf.code}` });
      }
      res.status(400);
      return this.renderCheck(res, view, bid, form);
    }
  }

  @Get(':tenderId/receipt')
  async receipt(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!bid || bid.submittedVersion === null) return res.redirect(303, `/bids/${tenderId}`);
    const receipt = await this.receipts.receipt(caller, tenderId, bid.id);
    res.render('bidder/views/receipt.njk', {
      pageTitle: 'Your bid has been received',
      view,
      receipt,
      receivedAt: whenInWords(new Date(receipt.submittedAt)),
      open: view.open,
    });
  }

  /** The downloadable receipt: plain text the bidder can keep, with the content the hash covers. */
  @Get(':tenderId/receipt/download')
  async receiptFile(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!bid || bid.submittedVersion === null) return res.redirect(303, `/bids/${tenderId}`);
    const receipt = await this.receipts.receipt(caller, tenderId, bid.id);
    const lines = [
      'Tender Scorer: receipt of a bid',
      `Tender: ${view.tender.reference} ${view.tender.title}`,
      `Bidder: ${bid.bidderName ?? ''}`,
      `Bid: ${receipt.bidId}`,
      `Version: ${receipt.version}`,
      `Received (server time, UTC): ${receipt.submittedAt}`,
      `SHA-256 of the content below (UTF-8, the line after "Content:"): ${receipt.sha256}`,
      'Content:',
      receipt.content,
      '',
    ];
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="bid-receipt-${view.tender.reference.replace(/[^A-Za-z0-9-]/g, '_')}-v${receipt.version}.txt"`,
    );
    res.send(lines.join('\n'));
  }

  @Get(':tenderId/withdraw')
  async withdrawPage(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.editable(caller, tenderId, res);
    if (!bid) return;
    res.render('bidder/views/withdraw.njk', {
      pageTitle: 'Withdraw your bid',
      backLink: { href: `/bids/${tenderId}`, text: 'Your bid' },
      view,
      bid,
    });
  }

  @Post(':tenderId/withdraw')
  async withdraw(@PageCaller() caller: Caller, @Param('tenderId') tenderId: string, @Res() res: Response): Promise<void> {
    const { view, bid } = await this.load(caller, tenderId, res);
    if (!bid) return res.redirect(303, `/bids/${tenderId}`);
    const refused = await this.attempt(res, view, bid, () => this.submission.withdraw(caller, tenderId, bid.id));
    if (!refused) res.redirect(303, `/opportunities/${tenderId}`);
  }

  /* ---------------------------------------------------------------- helpers ---------- */

  private async load(caller: Caller, tenderId: string, res: Response): Promise<Workspace> {
    bidderOnly(caller, res);
    const view = await this.workspace.tender(caller, tenderId);
    res.locals.organisationName = view.buyer;
    return { view, bid: await this.workspace.currentBid(caller, tenderId) };
  }

  /** For the pages that change a bid: after the deadline they show the status instead; without a bid, the start. */
  private async editable(caller: Caller, tenderId: string, res: Response): Promise<Workspace> {
    const workspace = await this.load(caller, tenderId, res);
    if (!workspace.view.open || !workspace.bid) {
      res.redirect(303, `/bids/${tenderId}`);
      return { ...workspace, bid: null };
    }
    return workspace;
  }

  private leafOf(view: BidderTender, code: string) {
    const leaf = view.leaves.find(
      (candidate) =>
        candidate.code.toLowerCase() === code.toLowerCase() && (candidate.kind === 'scored' || candidate.kind === 'pass_fail'),
    );
    if (!leaf) throw new DomainError('not_found', 'No such question.');
    return leaf;
  }

  private commitmentIndex(bid: BidDetailResponse, position: string): number | null {
    if (position === 'new') return null;
    const index = Number(position) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= bid.commitments.length)
      throw new DomainError('not_found', 'No such commitment.');
    return index;
  }

  /** Saves a change through the API's service, then back to the task list ("saved"); a refusal gets its page. */
  private async change(
    res: Response,
    caller: Caller,
    view: BidderTender,
    bid: BidDetailResponse | null,
    dto: UpdateBidDto,
    next?: string,
  ): Promise<void> {
    if (!bid) return res.redirect(303, `/bids/${view.tender.id}`);
    const refused = await this.attempt(res, view, bid, () => this.submission.update(caller, view.tender.id, bid.id, dto));
    if (!refused) res.redirect(303, next ?? `/bids/${view.tender.id}?saved=1`);
  }

  /** Runs a change; a refusal for the deadline or the tender's state renders "You cannot change your bid now" (409). */
  private async attempt(
    res: Response,
    view: BidderTender,
    bid: BidDetailResponse | null,
    run: () => Promise<unknown>,
  ): Promise<boolean> {
    try {
      await run();
      return false;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      const lines = [`The deadline for bids was ${whenInWords(new Date(view.tender.bidDeadline))}. Nothing was changed.`];
      if (bid?.submittedVersion)
        lines.push(
          `The bid that counts is version ${bid.submittedVersion}, received ${whenInWords(new Date(bid.submittedAt!))}.`,
        );
      else lines.push('Your bid was not submitted before the deadline, so it will not be considered.');
      if (view.now < new Date(view.tender.bidDeadline) && view.tender.status === 'published') {
        throw error; // not the deadline: let the plain "You cannot do this now" page say so
      }
      throw pageError(409, {
        pageTitle: 'The deadline for bids has passed',
        lines,
        next: { href: `/bids/${view.tender.id}`, text: 'See your bid' },
      });
    }
  }

  private renderStart(res: Response, view: BidderTender, values: object, form: FormErrors): void {
    res.render('bidder/views/start.njk', {
      pageTitle: 'Start your bid',
      backLink: { href: `/opportunities/${view.tender.id}`, text: 'Back' },
      view,
      values,
      ...form,
    });
  }

  private renderPrice(res: Response, view: BidderTender, values: object, form: FormErrors): void {
    res.render('bidder/views/price.njk', {
      pageTitle: 'Your organisation and price',
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      values,
      ...form,
    });
  }

  private renderAnswer(
    res: Response,
    view: BidderTender,
    leaf: BidderTender['leaves'][number],
    text: string,
    form: FormErrors,
  ): void {
    res.render('bidder/views/answer.njk', {
      pageTitle: `${leaf.code}: ${leaf.title}`,
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      leaf,
      text,
      maxCharacters: MAX_CHARACTERS,
      ...form,
    });
  }

  private renderCommitment(
    res: Response,
    view: BidderTender,
    position: string,
    values: Record<string, string>,
    form: FormErrors,
  ): void {
    res.render('bidder/views/commitment.njk', {
      pageTitle: position === 'new' ? 'Add an outcome commitment' : 'Change an outcome commitment',
      backLink: { href: `/bids/${view.tender.id}/commitments`, text: 'Outcome commitments' },
      view,
      position,
      values,
      ...form,
    });
  }

  private renderConsortium(res: Response, view: BidderTender, text: string, form: FormErrors): void {
    res.render('bidder/views/consortium.njk', {
      pageTitle: 'Consortium members',
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      text,
      ...form,
    });
  }

  private renderCheck(res: Response, view: BidderTender, bid: BidDetailResponse, form: FormErrors): void {
    const answered = new Map(bid.responses.map((response) => [response.code, response]));
    const missing = missingAnswers(view.leaves, new Set(answered.keys()));
    res.render('bidder/views/check.njk', {
      pageTitle: 'Check your bid',
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      bid,
      missing,
      answers: view.leaves
        .filter((leaf) => leaf.kind === 'scored' || leaf.kind === 'pass_fail')
        .map((leaf) => ({ leaf, answer: answered.get(leaf.code) ?? null })),
      nothingNew: bid.submittedVersion !== null && !bid.hasUnsubmittedChanges,
      deadline: whenInWords(new Date(view.tender.bidDeadline)),
      ...form,
    });
  }

  private renderStatus(res: Response, view: BidderTender, bid: BidDetailResponse | null): void {
    res.render('bidder/views/status.njk', {
      pageTitle: 'Your bid',
      backLink: { href: `/opportunities/${view.tender.id}`, text: 'About this opportunity' },
      view,
      bid,
      status: bid ? STATUS_WORDS[bid.status] : null,
      opened: view.tender.status !== 'published' && view.tender.status !== 'cancelled',
      deadline: whenInWords(new Date(view.tender.bidDeadline)),
      receivedAt: bid?.submittedAt ? whenInWords(new Date(bid.submittedAt)) : null,
    });
  }
}

const PRICE_WORDS = {
  bidderName: 'Enter the name of your organisation as it should appear on the bid',
  price: 'Enter your total price in pounds, like 125000 or 125000.50',
};

const COMMITMENT_WORDS = {
  outcome: 'Enter the outcome you commit to',
  measure: 'Enter how the outcome will be measured',
  target: 'Enter the target as a number, like 40',
  baseline: 'Enter the baseline as a number, like 12, or leave it empty',
  by: 'Enter a real date, like 31 3 2028, or leave it empty',
};

/** The bid's commitments as the API takes them back (absent values left out). */
function keptCommitments(bid: BidDetailResponse): CommitmentInputDto[] {
  return bid.commitments.map((commitment) => ({
    ...(commitment.code ? { criterion: commitment.code } : {}),
    outcome: commitment.outcome,
    measure: commitment.measure,
    target: commitment.target,
    ...(commitment.baseline !== null ? { baseline: commitment.baseline } : {}),
    ...(commitment.by ? { by: commitment.by } : {}),
  }));
}
