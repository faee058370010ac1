/*
 * When results may be seen, and which bid an award may go to (API.md "Tenders", award row;
 * SCORING.md §8). Pure: decisions over the engine's result.
 */
import { DomainError } from '../../common/domain/domain-error';
import { reached, statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';
import { penceToPounds } from '../../common/domain/decimals';
import { type BidResult, type EngineResult, type Gap } from '../engine';

/** Results reveal every score: shown to the team from moderation on (awarded included). */
export function assertResultsVisible(status: TenderStatus): void {
  if (!reached(status, 'moderation')) {
    throw new DomainError(
      'invalid_state',
      status === 'cancelled'
        ? 'The tender was cancelled before an award; its scores stay confidential and no results are published.'
        : `Results are shown from moderation on, because they reveal the panel's scores; the tender is ${statusWords(status)}.`,
      { currentStatus: status },
    );
  }
}

/** A gap as the API shows it: the engine's gap with the bidder named. */
export interface NamedGap extends Gap {
  bidderName: string;
}

export function nameGaps(result: EngineResult): NamedGap[] {
  const names = new Map(result.bids.map((bid) => [bid.bidId, bid.bidderName]));
  return result.gaps.map((gap) => ({ ...gap, bidderName: names.get(gap.bidId) ?? '' }));
}

const MISSING_WORDS: Record<Gap['missing'], string> = {
  moderated: 'no moderated score',
  panel: 'no usable panel score',
  compliance: 'gate not recorded',
};

/** The award needs a complete record: 409 listing every gap (also as the `gaps` member). */
export function assertComplete(result: EngineResult): void {
  if (result.complete) return;
  const gaps = nameGaps(result);
  const shown = gaps.slice(0, 10).map((gap) => `${gap.bidderName} ${gap.criterion} (${MISSING_WORDS[gap.missing]})`);
  const more = gaps.length > shown.length ? `, and ${gaps.length - shown.length} more` : '';
  throw new DomainError(
    'invalid_state',
    `The results are incomplete, so the tender cannot be awarded yet: ${gaps.length} ` +
      `${gaps.length === 1 ? 'gap remains' : 'gaps remain'}: ${shown.join('; ')}${more}.`,
    { gaps },
  );
}

/**
 * The bid the contract goes to: the rank-1 bid by default, or the named one, which must
 * be a rank-1 bid (one of several sharing rank 1, when the tie-break leaves them level).
 * Passing over the winner is refused: an award must follow the published criteria, so a
 * winner that cannot be awarded is disqualified first, with its reason on the record.
 */
export function chooseAwardedBid(result: EngineResult, bidId: string | undefined): BidResult {
  const winners = result.bids.filter((bid) => bid.rank === 1);
  if (winners.length === 0) {
    throw new DomainError('rule_violation', 'No bid is eligible for award: every listed bid is disqualified or excluded.');
  }
  if (bidId === undefined) {
    if (winners.length === 1) return winners[0];
    throw new DomainError(
      'rule_violation',
      `${winners.map((bid) => bid.bidderName).join(' and ')} share rank 1 on ${winners[0].total.toFixedString(2)}: ` +
        'name the bid to award in bidId (and record why in the tender file).',
      {
        errors: [{ field: 'bidId', message: 'Rank 1 is shared: name the bid to award.' }],
        sharedRankBidIds: winners.map((bid) => bid.bidId),
      },
    );
  }
  const named = result.bids.find((bid) => bid.bidId === bidId);
  if (!named) {
    throw new DomainError('rule_violation', 'No bid in these results has this id: name a bid submitted by the deadline.', {
      errors: [{ field: 'bidId', message: 'No bid in these results has this id.' }],
    });
  }
  if (!named.eligible) {
    const reasons = named.exclusions.map((exclusion) => exclusion.detail).join(' ');
    throw new DomainError('rule_violation', `${named.bidderName} is not eligible for award. ${reasons}`, {
      errors: [{ field: 'bidId', message: 'This bid is not eligible for award.' }],
    });
  }
  if (named.rank !== 1) {
    throw new DomainError(
      'rule_violation',
      `${named.bidderName} ranks ${named.rank}, not 1: the contract goes to the highest-ranked bid. ` +
        'To pass over a higher-ranked bid, disqualify it with the reason on the record first.',
      { errors: [{ field: 'bidId', message: `This bid ranks ${named.rank}: only a rank-1 bid can be awarded.` }] },
    );
  }
  return named;
}

/** What the audit trail keeps of the decision: the ranking as shown, and its sensitivity. */
export function awardSnapshot(result: EngineResult, awarded: BidResult): Record<string, unknown> {
  return {
    awardedBidId: awarded.bidId,
    awardedBidderName: awarded.bidderName,
    awardedTotal: awarded.total.toFixedString(2),
    ranking: result.bids.map((bid) => ({
      bidId: bid.bidId,
      bidderName: bid.bidderName,
      rank: bid.rank,
      eligible: bid.eligible,
      total: bid.total.toFixedString(2),
      // The exact total as a fraction, so the record can be re-checked to the last digit.
      exactTotal: bid.total.toString(),
      price: penceToPounds(bid.pricePence),
      priceScore: bid.byCategory.price.toFixedString(2),
      exclusions: bid.exclusions.map((exclusion) => exclusion.reason),
    })),
    sensitivity: result.sensitivity?.sentence ?? null,
  };
}
