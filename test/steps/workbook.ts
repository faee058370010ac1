import type { Response } from 'supertest';
import type { SignedIn, TestApp } from '../app';
import { expectStatus } from './steps';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GETs a member's offline workbook as bytes; returns the response (assert it yourself). */
export function downloadWorkbook(
  t: TestApp,
  tenderId: string,
  who: SignedIn,
  memberId: string,
): Promise<Response & { body: Buffer }> {
  return t
    .http()
    .get(`/api/tenders/${tenderId}/panel/${memberId}/workbook`)
    .set(who.auth)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // Problems stay JSON (the OpenAPI check reads them); the workbook stays bytes.
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const json = /json/.test(String(res.headers['content-type'] ?? ''));
        callback(null, json ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes);
      });
    });
}

/** The workbook's bytes (throws with the response when the download fails). */
export async function workbookOf(t: TestApp, tenderId: string, who: SignedIn, memberId: string): Promise<Buffer> {
  return expectStatus(await downloadWorkbook(t, tenderId, who, memberId), 200, 'download workbook').body;
}

/** POSTs a workbook file for import; returns the response (assert it yourself). */
export function importWorkbook(t: TestApp, tenderId: string, who: SignedIn, memberId: string, file: Buffer) {
  return t.http().post(`/api/tenders/${tenderId}/panel/${memberId}/workbook`).set(who.auth).set('Content-Type', XLSX).send(file);
}
