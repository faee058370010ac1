import type { AssistedScoreDto, AssistedSubmitDto } from '../../src/assisted/dto/assisted-score.dto';
import type { SignedIn, TestApp } from '../app';

/* Assisted scoring: a member of the tender team enters a lived-experience member's scores on their behalf. */

export type AssistedMethod = AssistedScoreDto['method'];

/** Saves a draft score for `memberId`, entered by `who` (the team), with the member present or from their paper form. */
export function saveScoreFor(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  memberId: string,
  bidId: string,
  code: string,
  score: number,
  method: AssistedMethod = 'present',
  rationale = `Said ${score} on ${code}.`,
) {
  const body: AssistedScoreDto = { score, rationale, method };
  return t.http().put(`/api/tenders/${tenderId}/panel/${memberId}/bids/${bidId}/scores/${code}`).set(who.auth).send(body);
}

/** Submits the member's scores of a bid on their behalf. */
export function submitScoresFor(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  memberId: string,
  bidId: string,
  method: AssistedMethod,
) {
  const body: AssistedSubmitDto = { method };
  return t.http().post(`/api/tenders/${tenderId}/panel/${memberId}/bids/${bidId}/scores/submit`).set(who.auth).send(body);
}

/** The member, in their own session, confirms the scores entered for them on a bid. */
export function confirmEntries(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t.http().post(`/api/tenders/${tenderId}/bids/${bidId}/scores/confirm-entries`).set(who.auth);
}
