import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BidAssessmentService } from '../../bids/bid-assessment.service';
import { BidReadingService } from '../../bids/bid-reading.service';
import { DisqualifyBidDto, RecordComplianceDto } from '../../bids/dto/bid-actions.dto';
import { TenderClosing } from '../../tenders/tender-closing.service';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { CriteriaService } from '../../criteria/criteria.service';
import type { CriterionResponse } from '../../criteria/dto/criterion.response';
import type { TenderResponse } from '../../tenders/dto/tender.response';
import { UserNames } from '../../users/user-names.service';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue, PageCaller, WebPages } from '../web-page';
import { pounds, when } from './evaluation-view';
import { TenderFrame } from './tender-frame';
import { ORGANISATION_WORDS } from '../team/team-view';

/** Criteria in tree order, flattened. */
export function flatten(nodes: readonly CriterionResponse[]): CriterionResponse[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/**
 * Bids (issue 14, page 7). Before the box opens: how many bids and the opening approvals
 * (TenderClosing.close, as POST /api/tenders/:id/close). After: the bids as the team reads
 * them (BidReadingService), gates and disqualification (BidAssessmentService).
 */
@WebPages('pages/tenders')
export class BidsPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly reading: BidReadingService,
    private readonly assessment: BidAssessmentService,
    private readonly closing: TenderClosing,
    private readonly criteria: CriteriaService,
    private readonly names: UserNames,
  ) {}

  @Get(':id/bids')
  async list(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('approved') approved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'bids');
    if (tender.status === 'draft' || tender.status === 'published' || (tender.status === 'cancelled' && !tender.closedAt)) {
      return this.renderSealed(res, tender, noErrors(), approved === '1');
    }
    const [bids, tree] = await Promise.all([this.reading.list(caller, tenderId), this.criteria.tree(caller, tenderId)]);
    const gates = flatten(tree).filter((criterion) => criterion.kind === 'pass_fail');
    const rows = bids.map((bid) => {
      const records = bid.compliance ?? [];
      const failed = records.filter((record) => !record.passed).length;
      return {
        bid,
        price: pounds(bid.price),
        gates: gates.length === 0 ? 'No gates' : failed > 0 ? `${failed} failed` : `${records.length} of ${gates.length} checked`,
        needsChecking: records.length < gates.length,
      };
    });
    res.render('evaluation/views/bids.njk', {
      pageTitle: 'Bids',
      tenderId,
      rows,
      toCheck: rows.filter((row) => row.needsChecking && row.bid.status !== 'disqualified').length,
      gates,
    });
  }

  /** Close the tender (or give one of two approvals): the same call as POST /api/tenders/:id/close. */
  @Post(':id/bids/open')
  async open(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    const tender = await this.frame.load(res, caller, tenderId, 'bids');
    try {
      const outcome = await this.closing.close(caller, tenderId);
      return res.redirect(303, outcome.closed ? `/tenders/${tenderId}/bids` : `/tenders/${tenderId}/bids?approved=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      const form = addError(noErrors(), 'open', openingRefusal(tender, error), 'open-bids');
      return this.renderSealed(res.status(409), tender, form, false);
    }
  }

  @Get(':id/bids/:bidId')
  async bid(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Query('saved') saved: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'bids');
    await this.renderBid(res, caller, tenderId, bidId, { form: noErrors(), values: {}, saved });
  }

  @Post(':id/bids/:bidId/gates/:code')
  async recordGate(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'bids');
    const passed = formValue(body, 'passed');
    const note = formValue(body, 'note');
    const { value, form } = validateForm(
      RecordComplianceDto,
      { passed: passed === 'yes' ? true : passed === 'no' ? false : undefined, ...(note.trim() ? { note } : {}) },
      { passed: 'Select whether the bid passes', note: passed === 'no' ? 'Say why the bid fails' : 'The note is too long' },
      { passed: `gate-${code}-passed`, note: `gate-${code}-note` },
    );
    const fieldErrors: FormErrors = noErrors();
    for (const error of form.errors) addError(fieldErrors, error.href.slice(1), error.text);
    if (fieldErrors.errors.length === 0) {
      try {
        await this.assessment.recordCompliance(caller, tenderId, bidId, code, value);
        return res.redirect(303, `/tenders/${tenderId}/bids/${bidId}?saved=gate`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
        addError(fieldErrors, `gate-${code}-passed`, 'You can record gates only while the bids are being scored or moderated.');
      }
    }
    await this.renderBid(res.status(400), caller, tenderId, bidId, { form: fieldErrors, values: { [code]: { passed, note } } });
  }

  @Post(':id/bids/:bidId/disqualify')
  async disqualify(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Param('bidId') bidId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'bids');
    const reason = formValue(body, 'reason');
    const { value, form } = validateForm(
      DisqualifyBidDto,
      { reason },
      { reason: 'Say why the bid is disqualified, in 5000 characters or fewer' },
    );
    if (form.errors.length === 0) {
      try {
        await this.assessment.disqualify(caller, tenderId, bidId, value.reason);
        return res.redirect(303, `/tenders/${tenderId}/bids/${bidId}?saved=disqualified`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
        addError(
          form,
          'reason',
          'This bid cannot be disqualified now. It may be disqualified already, or the tender is no longer being evaluated.',
        );
      }
    }
    await this.renderBid(res.status(400), caller, tenderId, bidId, { form, values: { reason } });
  }

  /* ------------------------------------------------------------------ helpers ------------- */

  private async renderSealed(res: Response, tender: TenderResponse, form: FormErrors, approved: boolean): Promise<void> {
    const approvals = tender.openingApprovalsGiven ?? [];
    const names = await this.names.of(approvals.map((approval) => approval.by));
    res.render('evaluation/views/bids-sealed.njk', {
      pageTitle: 'Bids',
      tenderId: tender.id,
      approved,
      approvals: approvals.map((approval) => ({ name: names.get(approval.by) ?? 'A former team member', at: when(approval.at) })),
      deadline: when(tender.bidDeadline),
      ...form,
    });
  }

  private async renderBid(
    res: Response,
    caller: Caller,
    tenderId: string,
    bidId: string,
    model: { form: FormErrors; values: Record<string, unknown>; saved?: string },
  ): Promise<void> {
    const [bid, tree] = await Promise.all([this.reading.get(caller, tenderId, bidId), this.criteria.tree(caller, tenderId)]);
    const criteria = flatten(tree);
    const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
    const recorders = await this.names.of((bid.compliance ?? []).map((record) => record.recordedById));
    const gates = criteria
      .filter((criterion) => criterion.kind === 'pass_fail')
      .map((criterion) => {
        const record = (bid.compliance ?? []).find((r) => r.criterionId === criterion.id) ?? null;
        return {
          criterion,
          record: record && {
            ...record,
            by: recorders.get(record.recordedById) ?? 'A former team member',
            at: when(record.recordedAt),
          },
          values: (model.values[criterion.code] as { passed: string; note: string } | undefined) ?? {
            passed: record ? (record.passed ? 'yes' : 'no') : '',
            note: record?.note ?? '',
          },
        };
      });
    res.render('evaluation/views/bid.njk', {
      pageTitle: bid.bidderName ?? 'Bid',
      tenderId,
      bid,
      price: pounds(bid.price),
      organisationType: bid.organisationType ? (ORGANISATION_WORDS[bid.organisationType] ?? bid.organisationType) : null,
      submittedAt: when(bid.submittedAt),
      disqualifiedAt: when(bid.disqualifiedAt),
      responses: bid.responses.map((response) => ({
        ...response,
        title: byId.get(response.criterionId)?.title ?? response.code,
      })),
      commitments: bid.commitments.map((c) => ({
        ...c,
        title: c.criterionId ? (byId.get(c.criterionId)?.title ?? c.code) : null,
      })),
      gates,
      reason: model.values.reason ?? '',
      saved: model.saved,
      ...model.form,
    });
  }
}

/** A refused opening, for people, from what the service said: twice by the same person, before the deadline, or not open to closing. */
function openingRefusal(tender: TenderResponse, error: DomainError): string {
  if (error.extensions.approvalsGiven !== undefined) {
    return 'You have already approved opening the bids. Another member of the tender team must approve too.';
  }
  if (error.extensions.bidDeadline !== undefined) {
    return `You cannot open the bids before the deadline, ${when(tender.bidDeadline)}. Bidders may still be sending them.`;
  }
  return 'The bids cannot be opened now. The tender may already be open, or it was cancelled.';
}
