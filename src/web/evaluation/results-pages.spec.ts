import type { ResultsResponse } from '../../results/dto/results.response';
import { allBidsModel, resultsModel, RESULTS_BIDS_SHOWN } from './results-pages.controller';

const category = {
  quality: 1,
  co_production: 0,
  social_outcome: 0,
  economic_outcome: 0,
  environmental_outcome: 0,
  wider_outcomes: 0,
  price: 0.5,
};
const bids = Array.from({ length: 120 }, (_, index) => ({
  bidId: `b${index}`,
  bidderName: `Bidder ${index}`,
  rank: index < 110 ? index + 1 : null,
  eligible: index < 110,
  status: 'submitted',
  total: 100 - index / 4,
  price: 1000 + index,
  byCategory: category,
  flags: [],
  exclusions: [],
}));
const results = {
  bids,
  gaps: [],
  sensitivity: null,
  complete: true,
  awardedAt: null,
  awardedBidId: null,
} as unknown as ResultsResponse;

describe('results page: the leading bids, and every bid a page at a time', () => {
  it('the results page tables hold the leading bids, in the results order', () => {
    const model = resultsModel(results, []);
    expect(model.ranking.map((row) => row.bid.bidId)).toEqual(bids.slice(0, RESULTS_BIDS_SHOWN).map((bid) => bid.bidId));
    expect(model.categoryTable).toHaveLength(RESULTS_BIDS_SHOWN);
    expect(model.bidsShown).toBe(RESULTS_BIDS_SHOWN);
  });

  it('every bid is on exactly one of the pages, in the same order and with the same figures', () => {
    const link = (page: number) => `/bids?page=${page}`;
    const first = allBidsModel(results, undefined, link);
    const pages = first.pagination!.items.length;
    expect(pages).toBe(3);
    const all = Array.from({ length: pages }, (_, index) => allBidsModel(results, String(index + 1), link));
    expect(all.flatMap((page) => page.ranking.map((row) => row.bid.bidId))).toEqual(bids.map((bid) => bid.bidId));
    expect(all[2].shown).toEqual({ from: 101, to: 120, of: 120 });
    expect(all[2].ranking.at(-1)).toMatchObject({ rank: 'Not ranked', total: '70.25', status: 'Excluded' });
    expect(all[1].pagination?.previous?.href).toBe('/bids?page=1');
    expect(allBidsModel(results, '9', link).shown.from).toBe(1);
    // The same words as the results page's own rows.
    expect(all[0].ranking.slice(0, RESULTS_BIDS_SHOWN)).toEqual(resultsModel(results, []).ranking);
  });
});
