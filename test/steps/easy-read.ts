import type { SignedIn, TestApp } from '../app';
import type { EasyReadTemplateDto, FactCheckResponseDto, WriteSummaryDto } from '../../src/easy-read/dto/easy-read.dto';
import { DEFAULT_HEADINGS } from '../../src/easy-read/domain/template-rules';
import { expectStatus } from './steps';

/** A summary under the default headings: one short easy-read part each (`text` for all of them). */
export function buildSummary(text = 'They will help you. They will meet you every week.'): WriteSummaryDto {
  return { sections: DEFAULT_HEADINGS.map((heading) => ({ heading, text })) };
}

const summaryUrl = (tenderId: string, bidId: string) => `/api/tenders/${tenderId}/bids/${bidId}/easy-read`;

export function putEasyReadTemplate(t: TestApp, tenderId: string, who: SignedIn, body: EasyReadTemplateDto) {
  return t.http().put(`/api/tenders/${tenderId}/easy-read/template`).set(who.auth).send(body);
}

export function getSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string) {
  return t.http().get(summaryUrl(tenderId, bidId)).set(who.auth);
}

export function postSummaryVersion(t: TestApp, tenderId: string, who: SignedIn, bidId: string, body: WriteSummaryDto) {
  return t
    .http()
    .post(`${summaryUrl(tenderId, bidId)}/versions`)
    .set(who.auth)
    .send(body);
}

export function sendSummary(t: TestApp, tenderId: string, who: SignedIn, bidId: string, versionId: string, workingDays?: number) {
  return t
    .http()
    .post(`${summaryUrl(tenderId, bidId)}/versions/${versionId}/send`)
    .set(who.auth)
    .send(workingDays === undefined ? {} : { workingDays });
}

export function answerSummary(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  bidId: string,
  versionId: string,
  body: FactCheckResponseDto,
) {
  return t
    .http()
    .post(`${summaryUrl(tenderId, bidId)}/versions/${versionId}/response`)
    .set(who.auth)
    .send(body);
}

/** The team writes a summary and sends it to the bidder; returns the version's id. */
export async function summarySent(
  t: TestApp,
  tenderId: string,
  team: SignedIn,
  bidId: string,
  workingDays?: number,
): Promise<string> {
  const written = expectStatus(await postSummaryVersion(t, tenderId, team, bidId, buildSummary()), 201, 'write summary');
  const versionId = (written.body as { versions: { id: string }[] }).versions[0].id;
  expectStatus(await sendSummary(t, tenderId, team, bidId, versionId, workingDays), 200, 'send summary');
  return versionId;
}
