/*
 * Which member and tender an offline workbook belongs to, and a keyed signature over that
 * and the rows it was made with, so a workbook for someone else, another tender or with
 * its hidden row keys edited is refused on import. Pure (node:crypto only).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WORKBOOK_FORMAT = 'tender-scorer-offline-workbook/1';
export const SCORES_SHEET = 'Scores';
export const ABOUT_SHEET = 'About';
export const IDENTITY_SHEET = 'Workbook identity';

/** Where the identity sheet keeps each value (column B; column A names it). */
export const IDENTITY_CELLS = { format: 'B1', tenderId: 'B2', memberId: 'B3', signature: 'B4' } as const;

export interface WorkbookIdentity {
  format: string;
  tenderId: string;
  memberId: string;
  signature: string;
}

/** One scoring row's key: the bid and the criterion it scores. */
export interface RowKey {
  bidId: string;
  criterionId: string;
}

/** The workbook key: derived from the app's secret, used for nothing else. */
export function workbookKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('tender-scorer offline workbook signature v1').digest();
}

/** HMAC-SHA256 (hex) over the format, tender, member and the set of row keys (sorted, so re-sorting rows keeps it valid). */
export function signWorkbook(key: Buffer, identity: Omit<WorkbookIdentity, 'signature'>, rows: readonly RowKey[]): string {
  const keys = rows.map((row) => `${row.bidId}:${row.criterionId}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha256', key)
    .update([identity.format, identity.tenderId, identity.memberId, ...keys].join('\n'))
    .digest('hex');
}

export function signatureMatches(key: Buffer, identity: WorkbookIdentity, rows: readonly RowKey[]): boolean {
  const expected = Buffer.from(signWorkbook(key, identity, rows), 'hex');
  const given = /^[0-9a-f]{64}$/.test(identity.signature) ? Buffer.from(identity.signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
