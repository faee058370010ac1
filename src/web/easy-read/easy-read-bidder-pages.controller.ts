import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BidReadingService } from '../../bids/bid-reading.service';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { FactCheckResponseDto } from '../../easy-read/dto/easy-read.dto';
import { EasyReadService } from '../../easy-read/easy-read.service';
import { TendersService } from '../../tenders/tenders.service';
import { bidderOnly } from '../bidder/bidder-frame';
import { whenInWords } from '../bidder/bidder-view';
import { noErrors, submitForm, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { versionRows } from './easy-read-view';

/**
 * The bidder's fact-check page (issue 17, part 5): the easy-read summary the team wrote of
 * their own bid, and their answer — it is right, or what is wrong. Through EasyReadService,
 * so a bidder sees only their own bid's summary, as in the API.
 */
@WebPages('bids')
export class EasyReadBidderPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly bids: BidReadingService,
    private readonly easyRead: EasyReadService,
  ) {}

  @Get(':tenderId/easy-read')
  async page(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Query('answered') answered: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, caller, tenderId, { decision: '', comment: '' }, noErrors(), answered === '1');
  }

  @Post(':tenderId/easy-read')
  async answer(
    @PageCaller() caller: Caller,
    @Param('tenderId') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const values = { decision: formValue(body, 'decision'), comment: formValue(body, 'comment').trim() };
    const { value, form } = validateForm(
      FactCheckResponseDto,
      { decision: values.decision || undefined, comment: values.comment || undefined },
      { decision: 'Choose whether the summary is right', comment: 'Your comment is too long: keep it under 4,000 letters' },
    );
    const act = async () => {
      const bidId = await this.ownBidId(caller, tenderId, res);
      await this.easyRead.respond(caller, tenderId, bidId, formValue(body, 'versionId'), value);
      return `/bids/${tenderId}/easy-read?answered=1`;
    };
    const next = await submitForm(form, act, {
      codes: ['validation', 'rule_violation', 'invalid_state', 'forbidden'],
      fallback: 'decision',
    });
    if (next) return res.redirect(303, next);
    await this.render(res.status(400), caller, tenderId, values, form, false);
  }

  private async ownBidId(caller: Caller, tenderId: string, res: Response): Promise<string> {
    bidderOnly(caller, res);
    const own = await this.bids.list(caller, tenderId);
    const bid = [...own].reverse().find((candidate) => candidate.status === 'submitted');
    if (!bid) throw new DomainError('not_found', 'Page not found.');
    return bid.id;
  }

  private async render(
    res: Response,
    caller: Caller,
    tenderId: string,
    values: Record<string, string>,
    form: FormErrors,
    answered: boolean,
  ): Promise<void> {
    const bidId = await this.ownBidId(caller, tenderId, res);
    const tender = await this.tenders.get(caller, tenderId);
    const summary = await this.easyRead.summary(caller, tenderId, bidId);
    const versions = versionRows(summary.versions);
    const newest = versions[0] ?? null;
    res.render('easy-read/views/bidder-summary.njk', {
      pageTitle: 'Check the easy-read summary of your bid',
      backLink: { href: `/bids/${tenderId}`, text: 'Your bid' },
      tender,
      newest,
      awaiting: newest?.factCheck?.state === 'awaiting' ? newest : null,
      respondBy: newest?.factCheck ? whenInWords(new Date(newest.factCheck.respondBy)) : '',
      values,
      answered,
      ...form,
    });
  }
}
