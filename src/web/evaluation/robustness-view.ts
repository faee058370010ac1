import type { ResultsResponse } from '../../results/dto/results.response';
import { points } from './evaluation-view';

/*
 * Issue 18 on the results page: the close call, the marks to change the winner and the
 * group influence of GET /results, worded and laid out. Presentation only: every number is
 * the API's (docs/SCORING.md §11); nothing is computed here.
 */

type Criterion = { code: string; title: string };

/** Runners-up shown in the table; every one is in the evaluation record and the matrix. */
const RUNNERS_UP_SHOWN = 10;

const SCENARIO_TEXT: Record<string, string> = {
  as_scored: 'The panel’s own scores (before moderation)',
  without_lived_experience: 'Without the lived-experience members’ scores',
  equal_group_weights: 'Both groups weighted equally',
  lived_experience_only: 'Only the lived-experience members’ scores',
};

export function robustnessModel(tenderId: string, results: ResultsResponse, criteria: readonly Criterion[]) {
  const title = new Map(criteria.map((criterion) => [criterion.code, criterion.title]));
  const named = (code: string) => `${code}: ${title.get(code) ?? code}`;
  const name = new Map(results.bids.map((bid) => [bid.bidId, bid.bidderName]));
  const bidder = (id: string) => name.get(id) ?? '';
  const { closeCall, robustness, groupInfluence } = results;
  const change = (c: { bidId: string; code: string; from: number; to: number; change: number }, winnerId: string) =>
    `${c.bidId === winnerId ? 'Lower' : 'Raise'} ${bidder(c.bidId)}’s score on ${named(c.code)} from ${c.from} to ${c.to} ` +
    `(${c.change} ${c.change === 1 ? 'point' : 'points'})`;
  return {
    closeCall: closeCall && {
      alert: closeCall.alert,
      sentence: closeCall.sentence,
      margin: points(closeCall.margin),
      threshold: points(closeCall.threshold),
      recheck: closeCall.recheck.map((cell) => ({
        href: `/tenders/${tenderId}/moderation/${cell.bidId}/${encodeURIComponent(cell.code)}`,
        bidderName: bidder(cell.bidId),
        criterion: named(cell.code),
        now: String(cell.from),
        to: String(cell.to),
        runnerUp: bidder(cell.runnerUpBidId),
      })),
    },
    robustness: robustness && {
      winner: bidder(robustness.winnerBidId),
      more: Math.max(0, robustness.runnersUp.length - RUNNERS_UP_SHOWN),
      runnersUp: robustness.runnersUp.slice(0, RUNNERS_UP_SHOWN).map((entry) => ({
        name: bidder(entry.runnerUpBidId),
        margin: points(entry.margin),
        mark: entry.level
          ? 'Already level'
          : entry.smallestMarkChange
            ? change(entry.smallestMarkChange, robustness.winnerBidId)
            : 'No single score can do it',
        total: entry.totalChange === null ? '–' : points(entry.totalChange),
        sentence: entry.sentence,
      })),
    },
    groupInfluence: groupInfluence && {
      sentence: groupInfluence.sentence,
      criteria: groupInfluence.criteria.map(named),
      panelMargin: points(groupInfluence.panelMargin),
      contribution: points(groupInfluence.livedExperienceContribution),
      share:
        groupInfluence.livedExperienceSharePercent === null ? '–' : `${points(groupInfluence.livedExperienceSharePercent)} %`,
      scenarios: groupInfluence.scenarios.map((scenario) => ({
        what: SCENARIO_TEXT[scenario.scenario] ?? scenario.scenario,
        winner: bidder(scenario.winnerBidId),
        margin: points(scenario.margin),
        changed: scenario.winnerChanged ? 'Yes' : 'No',
        sentence: scenario.sentence,
      })),
    },
  };
}
