import type { Response } from 'supertest';
import type { SignedIn, TestApp } from '../app';

/** GETs an export as raw bytes (supertest would otherwise try to parse it). */
export async function download(t: TestApp, who: SignedIn, tenderId: string, file: string): Promise<Response & { body: Buffer }> {
  const response = await t
    .http()
    .get(`/api/tenders/${tenderId}/exports/${file}`)
    .set(who.auth)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return response;
}
