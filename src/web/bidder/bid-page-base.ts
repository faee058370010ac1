import type { Response } from 'express';
import { BidderSummaries } from '../../assessment-summaries/bidder-summaries.service';
import { BidEntryService } from '../../bids/bid-entry.service';
import { BidReceiptService } from '../../bids/bid-receipt.service';
import { BidSubmissionService } from '../../bids/bid-submission.service';
import { CommitmentInputDto } from '../../bids/dto/bid-input.dto';
import type { BidDetailResponse } from '../../bids/dto/bid.response';
import type { UpdateBidDto } from '../../bids/dto/update-bid.dto';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { type FormErrors } from '../form';
import { pageError } from '../web-error.filter';
import { missingAnswers, whenInWords } from './bidder-view';
import { BidWorkspace, type BidderTender } from './bid-workspace.service';
import { bidderOnly, STATUS_WORDS } from './bidder-frame';
import { Injectable } from '@nestjs/common';

export const MAX_CHARACTERS = 20_000;

export interface Workspace {
  view: BidderTender;
  bid: BidDetailResponse | null;
}

/** What the bid pages share: loading the bidder's workspace, saving a change through the API's services, and the views. */
@Injectable()
export abstract class BidPageBase {
  constructor(
    protected readonly workspace: BidWorkspace,
    protected readonly entry: BidEntryService,
    protected readonly submission: BidSubmissionService,
    protected readonly receipts: BidReceiptService,
    protected readonly summaries: BidderSummaries,
  ) {}

  protected async load(caller: Caller, tenderId: string, res: Response): Promise<Workspace> {
    bidderOnly(caller, res);
    const view = await this.workspace.tender(caller, tenderId);
    res.locals.organisationName = view.buyer;
    return { view, bid: await this.workspace.currentBid(caller, tenderId) };
  }

  /** For the pages that change a bid: after the deadline they show the status instead; without a bid, the start. */
  protected async editable(caller: Caller, tenderId: string, res: Response): Promise<Workspace> {
    const workspace = await this.load(caller, tenderId, res);
    if (!workspace.view.open || !workspace.bid) {
      res.redirect(303, `/bids/${tenderId}`);
      return { ...workspace, bid: null };
    }
    return workspace;
  }

  protected leafOf(view: BidderTender, code: string) {
    const leaf = view.leaves.find(
      (candidate) =>
        candidate.code.toLowerCase() === code.toLowerCase() && (candidate.kind === 'scored' || candidate.kind === 'pass_fail'),
    );
    if (!leaf) throw new DomainError('not_found', 'No such question.');
    return leaf;
  }

  protected commitmentIndex(bid: BidDetailResponse, position: string): number | null {
    if (position === 'new') return null;
    const index = Number(position) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= bid.commitments.length)
      throw new DomainError('not_found', 'No such commitment.');
    return index;
  }

  /** Saves a change through the API's service, then back to the task list ("saved"); a refusal gets its page. */
  protected async change(
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
  protected async attempt(
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

  protected renderStart(res: Response, view: BidderTender, values: object, form: FormErrors): void {
    res.render('bidder/views/start.njk', {
      pageTitle: 'Start your bid',
      backLink: { href: `/opportunities/${view.tender.id}`, text: 'Back' },
      view,
      values,
      ...form,
    });
  }

  protected renderPrice(res: Response, view: BidderTender, values: object, form: FormErrors): void {
    res.render('bidder/views/price.njk', {
      pageTitle: 'Your organisation and price',
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      values,
      ...form,
    });
  }

  protected renderAnswer(
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

  protected renderCommitment(
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

  protected renderConsortium(res: Response, view: BidderTender, text: string, form: FormErrors): void {
    res.render('bidder/views/consortium.njk', {
      pageTitle: 'Consortium members',
      backLink: { href: `/bids/${view.tender.id}`, text: 'Your bid' },
      view,
      text,
      ...form,
    });
  }

  protected renderCheck(res: Response, view: BidderTender, bid: BidDetailResponse, form: FormErrors): void {
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

  protected async renderStatus(caller: Caller, res: Response, view: BidderTender, bid: BidDetailResponse | null): Promise<void> {
    const summarySent = view.tender.status === 'awarded' && (await this.summaries.hasSent(caller, view.tender.id));
    res.render('bidder/views/status.njk', {
      summarySent,
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

export const PRICE_WORDS = {
  bidderName: 'Enter the name of your organisation as it should appear on the bid',
  price: 'Enter your total price in pounds, like 125000 or 125000.50',
};

export const COMMITMENT_WORDS = {
  outcome: 'Enter the outcome you commit to',
  measure: 'Enter how the outcome will be measured',
  target: 'Enter the target as a number, like 40',
  baseline: 'Enter the baseline as a number, like 12, or leave it empty',
  by: 'Enter a real date, like 31 3 2028, or leave it empty',
};

/** The bid's commitments as the API takes them back (absent values left out). */
export function keptCommitments(bid: BidDetailResponse): CommitmentInputDto[] {
  return bid.commitments.map((commitment) => ({
    ...(commitment.code ? { criterion: commitment.code } : {}),
    outcome: commitment.outcome,
    measure: commitment.measure,
    target: commitment.target,
    ...(commitment.baseline !== null ? { baseline: commitment.baseline } : {}),
    ...(commitment.by ? { by: commitment.by } : {}),
  }));
}
