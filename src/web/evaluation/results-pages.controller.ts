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

  /** Every bid's rank, total, price and points by category, BIDS_PER_PAGE at a time (the results page shows the leading bids). */
  @Get(':id/results/bids')
  async allBids(
    @PageCaller() caller: Caller,
    @Param('id') tenderId: string,
    @Query('page') page: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.frame.load(res, caller, tenderId, 'results');
    const results = await this.read(caller, tenderId);
    res.render('evaluation/views/results-bids.njk', {
      pageTitle: 'Results: every bid',
      tenderId,
      ...allBidsModel(results, page, (n) => `/tenders/${tenderId}/results/bids?page=${n}`),
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
/** Bids in the results page's ranking and category tables; the rest are on the "every bid" pages. */
export const RESULTS_BIDS_SHOWN = 20;
const BIDS_PER_PAGE = 50;
const GAPS_SHOWN = 100;
const FLAG_TYPES = ['divergence', 'group_divergence', 'quorum_not_met', 'abnormally_low_price'] as const;

/** The results page's view model: the API's numbers, worded and laid out (no number is computed here but the lead, a difference of two). */
export function resultsModel(results: ResultsResponse, criteria: readonly Criterion[]) {
  const title = new Map(criteria.map((criterion) => [criterion.code, criterion.title]));
  const named = (code: string | null | undefined) => (code ? `${code}: ${title.get(code) ?? code}` : '');
  const ranked = results.bids.filter((bid) => bid.eligible);
  const categories = categoriesOf(results);
  const rankCounts = rankCountsOf(results);
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
    // The leading bids; every bid is on the "every bid" pages (allBidsModel), in the same order.
    ranking: rankingRows(results.bids.slice(0, RESULTS_BIDS_SHOWN), rankCounts),
    bidsShown: Math.min(RESULTS_BIDS_SHOWN, results.bids.length),
    ties: [...rankCounts.entries()]
      .filter(([, count]) => count > 1)
      .map(([rank]) => ({
        rank,
        names: ranked.filter((bid) => bid.rank === rank).map((bid) => bid.bidderName),
      })),
    categoryHead: categories.map((key) => CATEGORY_LABELS[key]),
    categoryTable: categoryRows(results.bids.slice(0, RESULTS_BIDS_SHOWN), categories),
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

type Bid = ResultsResponse['bids'][number];

function categoriesOf(results: ResultsResponse) {
  return CHART_CATEGORIES.filter((key) => results.bids.some((bid) => bid.byCategory[key] !== 0));
}

/** How many ranked bids hold each rank (more than one: a tie). */
function rankCountsOf(results: ResultsResponse): Map<number, number> {
  const counts = new Map<number, number>();
  for (const bid of results.bids) if (bid.eligible && bid.rank !== null) counts.set(bid.rank, (counts.get(bid.rank) ?? 0) + 1);
  return counts;
}

function rankingRows(bids: readonly Bid[], rankCounts: ReadonlyMap<number, number>) {
  return bids.map((bid) => ({
    bid,
    rank: bid.rank === null ? 'Not ranked' : `${bid.rank}${(rankCounts.get(bid.rank) ?? 0) > 1 ? ' (tied)' : ''}`,
    total: points(bid.total),
    price: pounds(bid.price),
    status: bid.eligible ? 'Ranked' : bid.status === 'disqualified' ? 'Disqualified' : 'Excluded',
  }));
}

function categoryRows(bids: readonly Bid[], categories: ReturnType<typeof categoriesOf>) {
  return bids.map((bid) => ({
    name: bid.bidderName,
    values: categories.map((key) => points(bid.byCategory[key])),
    total: points(bid.total),
  }));
}

/** One page of every bid, in the results' order: rank, total, price, status and points by category. */
export function allBidsModel(results: ResultsResponse, requested: string | undefined, link: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(results.bids.length / BIDS_PER_PAGE));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  const from = (page - 1) * BIDS_PER_PAGE;
  const bids = results.bids.slice(from, from + BIDS_PER_PAGE);
  const categories = categoriesOf(results);
  return {
    shown: { from: bids.length ? from + 1 : 0, to: from + bids.length, of: results.bids.length },
    ranking: rankingRows(bids, rankCountsOf(results)),
    categoryHead: categories.map((key) => CATEGORY_LABELS[key]),
    categoryTable: categoryRows(bids, categories),
    pagination:
      pages > 1
        ? {
            previous: page > 1 ? { href: link(page - 1) } : undefined,
            next: page < pages ? { href: link(page + 1) } : undefined,
            items: Array.from({ length: pages }, (_, index) => ({
              number: index + 1,
              href: link(index + 1),
              current: index + 1 === page,
            })),
            landmarkLabel: 'Pages of bids',
          }
        : null,
  };
}
