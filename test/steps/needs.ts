import type { DeleteNeedsDto, RecordNeedsDto } from '../../src/needs/dto/record-needs.dto';
import type { SignedIn, TestApp } from '../app';
import { expectStatus } from './steps';

/** Needs with the member's consent: large print, by phone or through a support worker (so: do not email). */
export function buildNeeds(overrides: Partial<RecordNeedsDto> = {}): RecordNeedsDto {
  return {
    consent: true,
    formats: ['large_print'],
    contactMethods: ['phone', 'support_worker'],
    supportPerson: { name: 'Sam Patel', relationship: 'support worker', contact: '07700 900123' },
    meetingNeeds: 'Step-free access and a break every hour.',
    ...overrides,
  };
}

/** PUTs a member's needs as `who`; returns the response (assert it yourself). */
export function putNeeds(t: TestApp, tenderId: string, who: SignedIn, memberId: string, body: RecordNeedsDto) {
  return t.http().put(`/api/tenders/${tenderId}/panel/${memberId}/needs`).set(who.auth).send(body);
}

/** Records `buildNeeds(overrides)` for the member, as `who` (the team or the member). */
export async function recordNeeds(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  memberId: string,
  overrides: Partial<RecordNeedsDto> = {},
): Promise<void> {
  expectStatus(await putNeeds(t, tenderId, who, memberId, buildNeeds(overrides)), 200, 'record needs');
}

/** DELETEs a member's needs at their request; returns the response. */
export function deleteNeeds(t: TestApp, tenderId: string, who: SignedIn, memberId: string, body?: DeleteNeedsDto) {
  return t
    .http()
    .delete(`/api/tenders/${tenderId}/panel/${memberId}/needs`)
    .set(who.auth)
    .send(body ?? { requestedBy: 'member', memberAsked: true });
}
