import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { noErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { missingAnswers, whenInWords } from './bidder-view';
import { bidderOnly } from './bidder-frame';
import { BidPageBase } from './bid-page-base';

/** Checking, submitting (with the receipt), and withdrawing a bid: the second half of the bid pages. */
@WebPages('bids')
export class BidSubmissionPagesController extends BidPageBase {
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
}
