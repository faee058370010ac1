import type { Response } from 'superagent';
import type { SignedIn, TestApp } from '../app';
import type { DeclareTeamInterestDto, RecordMitigationDto, RecordReviewDto } from '../../src/conflicts/dto/conflicts.dto';
import type { ConflictsAssessmentResponse } from '../../src/conflicts/dto/conflicts.response';
import { expectStatus } from './steps';

/* Steps for the conflicts assessment (docs/AFTER-AWARD.md, ss.81–83). */

/** PUT …/conflicts/my-declaration: the raw response. */
export function declareAsTeam(t: TestApp, tenderId: string, who: SignedIn, body: DeclareTeamInterestDto) {
  return t.http().put(`/api/tenders/${tenderId}/conflicts/my-declaration`).set(who.auth).send(body);
}

/** POST …/conflicts/mitigations: the raw response. */
export function recordMitigation(t: TestApp, tenderId: string, who: SignedIn, body: RecordMitigationDto) {
  return t.http().post(`/api/tenders/${tenderId}/conflicts/mitigations`).set(who.auth).send(body);
}

/** POST …/conflicts/reviews: the raw response. */
export function recordConflictsReview(t: TestApp, tenderId: string, who: SignedIn, body: RecordReviewDto = {}) {
  return t.http().post(`/api/tenders/${tenderId}/conflicts/reviews`).set(who.auth).send(body);
}

/** GET …/conflicts, expected to succeed. */
export async function conflictsAssessment(t: TestApp, tenderId: string, who: SignedIn): Promise<ConflictsAssessmentResponse> {
  return expectStatus(await t.http().get(`/api/tenders/${tenderId}/conflicts`).set(who.auth), 200, 'conflicts assessment')
    .body as ConflictsAssessmentResponse;
}

/** GET …/conflicts/assessment.pdf as bytes (a problem+json answer parsed as JSON). */
export function conflictsPdf(t: TestApp, tenderId: string, who: SignedIn) {
  return t.http().get(`/api/tenders/${tenderId}/conflicts/assessment.pdf`).set(who.auth).buffer(true).parse(bytesOrProblem);
}

/** A supertest parser: the body as bytes, or parsed when the answer is JSON (a problem, which the OpenAPI check reads). */
export function bytesOrProblem(res: Response, callback: (error: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => {
    const bytes = Buffer.concat(chunks);
    callback(null, /json/.test(String(res.headers['content-type'])) ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes);
  });
}
