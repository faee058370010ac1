import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller';
import { DomainError } from '../../common/domain/domain-error';
import { CriteriaService } from '../../criteria/criteria.service';
import type { ResultsResponse } from '../../results/dto/results.response';
import { AwardService } from '../../results/award.service';
import { ResultsService } from '../../results/results.service';
import { addError, noErrors, type FormErrors } from '../form';
import { pageError } from '../web-error.filter';
import { formValue, PageCaller, WebPages } from '../web-page';
import { flatten } from './bids-pages.controller';
import { sensitivityChart, subtotalsChart } from './charts';
import { CATEGORY_LABELS, CHART_CATEGORIES, flagText, gapText, points, pounds, when } from './evaluation-view';
import { robustnessModel } from './robustness-view';
import { TenderFrame } from './tender-frame';

const NOT_YET = pageError(409, {
  pageTitle: 'Results are not ready yet',
  lines: ['Results show every score, so they open when the team starts moderation.', 'Nothing was changed.'],
});

/**
 * Results and the award (issue 14, page 9): GET /api/tenders/:id/results as tables first, with
 * charts of the same numbers (charts.ts), and the award through AwardService after a page
 * that says what becomes final.
 */
@WebPages('pages/tenders')
export class ResultsPagesController {
  constructor(
    private readonly frame: TenderFrame,
    private readonly results: ResultsService,
    private readonly awards: AwardService,
    private readonly criteria: CriteriaService,
  ) {}

  @Get(':id/results')
  async page(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('awarded') awarded: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'results');
    const [results, tree] = await Promise.all([this.read(caller, tenderId), this.criteria.tree(caller, tenderId)]);
    res.render('evaluation/views/results.njk', {
      pageTitle: 'Results',
      tenderId,
      awarded: awarded === '1',
      ...resultsModel(results, flatten(tree)),
      decision: robustnessModel(tenderId, results, flatten(tree)),
    });
  }

  @Get(':id/award')
  async confirm(@PageCaller() caller: Caller, @Param('id') tenderId: string, @Res() res: Response): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'results');
    this.renderConfirm(res, tenderId, await this.read(caller, tenderId), noErrors());
  }

  @Post(':id/award')
  async award(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'results');
    const chosen = formValue(body, 'bidId');
    const form = noErrors();
    try {
      await this.awards.award(caller, tenderId, chosen ? { bidId: chosen } : {});
      return res.redirect(303, `/tenders/${tenderId}/results?awarded=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'validation' || error.code === 'rule_violation') {
        addError(form, 'bidId', 'Rank 1 is shared. Choose the bid to award.', 'bidId');
      } else if (error.code === 'invalid_state') {
        addError(
          form,
          'bidId',
          'The tender cannot be awarded yet. Every score and gate must be in first, or it was awarded already.',
          'bidId',
        );
      } else {
        throw error;
      }
    }
    this.renderConfirm(res.status(409), tenderId, await this.read(caller, tenderId), form);
  }

  private async read(caller: Caller, tenderId: string): Promise<ResultsResponse> {
    try {
      return await this.results.results(caller, tenderId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_state') throw NOT_YET;
      throw error;
    }
  }

  private renderConfirm(res: Response, tenderId: string, results: ResultsResponse, form: FormErrors): void {
    const leaders = results.bids.filter((bid) => bid.rank === 1);
    res.render('evaluation/views/award.njk', {
      pageTitle: 'Award the tender',
      tenderId,
      results,
      leaders: leaders.map((bid) => ({ value: bid.bidId, text: `${bid.bidderName} (${points(bid.total)} points)` })),
      winner: leaders.length === 1 ? leaders[0] : null,
      winnerTotal: leaders.length === 1 ? points(leaders[0].total) : null,
      gaps: results.gaps.length,
      ...form,
    });
  }
}

type Criterion = { id: string; code: string; title: string };

const CHART_BIDS = 10;
const GAPS_SHOWN = 100;
const FLAG_TYPES = ['divergence', 'group_divergence', 'quorum_not_met', 'abnormally_low_price'] as const;

/** The results page's view model: the API's numbers, worded and laid out (no number is computed here but the lead, a difference of two). */
export function resultsModel(results: ResultsResponse, criteria: readonly Criterion[]) {
  const title = new Map(criteria.map((criterion) => [criterion.code, criterion.title]));
  const named = (code: string | null | undefined) => (code ? `${code}: ${title.get(code) ?? code}` : '');
  const ranked = results.bids.filter((bid) => bid.eligible);
  const categories = CHART_CATEGORIES.filter((key) => results.bids.some((bid) => bid.byCategory[key] !== 0));
  const rankCounts = new Map<number, number>();
  for (const bid of ranked) if (bid.rank !== null) rankCounts.set(bid.rank, (rankCounts.get(bid.rank) ?? 0) + 1);
  const sensitivity = results.sensitivity;
  const byId = new Map(results.bids.map((bid) => [bid.bidId, bid]));
  const winner = sensitivity ? byId.get(sensitivity.winnerBidId) : undefined;
  const runnerUp = sensitivity ? byId.get(sensitivity.runnerUpBidId) : undefined;
  const lead = winner && runnerUp ? Math.round((winner.total - runnerUp.total) * 100) / 100 : null;
  const shift = sensitivity?.smallestShift ?? null;
  const flagTypes = FLAG_TYPES.filter((type) => results.bids.some((bid) => bid.flags.some((flag) => flag.type === type)));
  const shiftLabel = shift ? `Weight to move from ${shift.from} to ${shift.to}` : '';
  return {
    results,
    complete: results.complete,
    awardedAt: when(results.awardedAt),
    awardedName: results.awardedBidId ? (byId.get(results.awardedBidId)?.bidderName ?? '') : null,
    ranking: results.bids.map((bid) => ({
      bid,
      rank: bid.rank === null ? 'Not ranked' : `${bid.rank}${(rankCounts.get(bid.rank) ?? 0) > 1 ? ' (tied)' : ''}`,
      total: points(bid.total),
      price: pounds(bid.price),
      status: bid.eligible ? 'Ranked' : bid.status === 'disqualified' ? 'Disqualified' : 'Excluded',
    })),
    ties: [...rankCounts.entries()]
      .filter(([, count]) => count > 1)
      .map(([rank]) => ({
        rank,
        names: ranked.filter((bid) => bid.rank === rank).map((bid) => bid.bidderName),
      })),
    categoryHead: categories.map((key) => CATEGORY_LABELS[key]),
    categoryTable: results.bids.map((bid) => ({
      name: bid.bidderName,
      values: categories.map((key) => points(bid.byCategory[key])),
      total: points(bid.total),
    })),
    // A chart of 200 bars helps nobody: the leading bids are drawn, every bid is in the table.
    subtotalsChart: results.bids.length ? subtotalsChart(results.bids.slice(0, CHART_BIDS)) : null,
    chartedBids: Math.min(CHART_BIDS, results.bids.length),
    exclusions: results.bids.flatMap((bid) =>
      bid.exclusions.map((exclusion) => ({
        name: bid.bidderName,
        criterion: named(exclusion.criterion),
        detail: exclusion.detail,
      })),
    ),
    // Per bid, the number of each kind of flag; each flag is on the moderation agenda.
    flagTypes: flagTypes.map(flagText),
    flags: results.bids
      .filter((bid) => bid.flags.length > 0)
      .map((bid) => ({
        name: bid.bidderName,
        counts: flagTypes.map((type) => String(bid.flags.filter((flag) => flag.type === type).length)),
      })),
    gapCount: results.gaps.length,
    gaps: results.gaps
      .slice(0, GAPS_SHOWN)
      .map((gap) => ({ name: gap.bidderName, criterion: named(gap.criterion), text: gapText(gap.missing) })),
    sensitivity: sensitivity && {
      sentence: sensitivity.sentence,
      robust: sensitivity.robust,
      winner: winner?.bidderName ?? '',
      runnerUp: runnerUp?.bidderName ?? '',
      lead: points(lead),
      shift: shift ? { from: named(shift.from), to: named(shift.to), points: points(shift.points) } : null,
      chart: lead === null ? null : sensitivityChart(lead, shift?.points ?? null, shiftLabel),
    },
  };
}
