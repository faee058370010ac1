import type { ClaimExpenseDto, ClaimTimeDto, PaymentChoiceDto, SetRatesDto } from '../../src/payments/dto/payment.dto';
import type { SignedIn, TestApp } from '../app';
import { expectStatus, type OwnedTender } from './steps';

/** Payment for involvement (src/payments): the team's and the member's steps through the API. */

/** £25 an hour for preparation, reading and scoring; £50 a meeting. */
export const STANDARD_RATES: SetRatesDto = {
  preparation: { basis: 'hour', ratePence: 2500 },
  reading: { basis: 'hour', ratePence: 2500 },
  scoring: { basis: 'hour', ratePence: 2500 },
  meetings: { basis: 'session', ratePence: 5000 },
};

export function putRates(t: TestApp, tenderId: string, who: SignedIn, body: SetRatesDto) {
  return t.http().put(`/api/tenders/${tenderId}/payments/rates`).set(who.auth).send(body);
}

export async function setRates(t: TestApp, tender: OwnedTender, body: SetRatesDto = STANDARD_RATES): Promise<void> {
  expectStatus(await putRates(t, tender.tenderId, tender.commissioner, body), 200, 'set rates');
}

/** Time for `memberId` (the team) or `'mine'` (the member). */
export function claimTime(t: TestApp, tenderId: string, who: SignedIn, memberId: string | 'mine', body: ClaimTimeDto) {
  const path = memberId === 'mine' ? 'mine' : `members/${memberId}`;
  return t.http().post(`/api/tenders/${tenderId}/payments/${path}/time`).set(who.auth).send(body);
}

export function claimExpense(t: TestApp, tenderId: string, who: SignedIn, memberId: string | 'mine', body: ClaimExpenseDto) {
  const path = memberId === 'mine' ? 'mine' : `members/${memberId}`;
  return t.http().post(`/api/tenders/${tenderId}/payments/${path}/expenses`).set(who.auth).send(body);
}

export function decideLine(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  lineId: string,
  decision: 'approve' | { reason: string },
) {
  const request = t
    .http()
    .post(`/api/tenders/${tenderId}/payments/lines/${lineId}/${decision === 'approve' ? 'approve' : 'reject'}`);
  return decision === 'approve' ? request.set(who.auth) : request.set(who.auth).send(decision);
}

export function choosePayment(t: TestApp, tenderId: string, who: SignedIn, memberId: string | 'mine', body: PaymentChoiceDto) {
  const path = memberId === 'mine' ? 'mine' : `members/${memberId}`;
  return t.http().put(`/api/tenders/${tenderId}/payments/${path}/choice`).set(who.auth).send(body);
}
