import * as ExcelJS from 'exceljs';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { download } from '../exports/download';
import { BID_TENDER_CRITERIA, publishedTender } from '../steps';
import { workedExampleTender } from '../steps/worked-example.world';
import { webSession } from '../web/session';

/**
 * PPN 002 (issue 16 part 5): a tender whose social value criteria (social, economic and
 * environmental outcomes) weigh under 10 % carries a warning — in the tender's API response,
 * on the team's tender page and on the matrix's Cover sheet — and nothing is blocked by it.
 */
describe('the PPN 002 social value warning', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let tenderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    // The worked example: quality 40, co-production 30, price 30 — no social value at all.
    ({ tenderId } = await workedExampleTender(t, commissioner));
  });
  afterAll(() => t.close());

  it('is in the team’s tender and tender list, naming the share, and the tender went on to moderation', async () => {
    const tender = await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth).expect(200);
    expect(tender.body.status).toBe('moderation');
    expect(tender.body.warnings).toEqual([
      {
        code: 'ppn002_social_value_under_10',
        message: expect.stringMatching(/^Social value \(social, economic and environmental outcomes\) is 0% of the total\./),
      },
    ]);
    const list = await t.http().get('/api/tenders').set(commissioner.auth).expect(200);
    expect(list.body.find((item: { id: string }) => item.id === tenderId).warnings).toEqual(tender.body.warnings);
  });

  it('is not there at 10 % social value, and is for the team alone', async () => {
    // BID_TENDER_CRITERIA: SV1 (social outcome) weighs exactly 10; co-production 20 does not count.
    const other = await publishedTender(t, { criteria: BID_TENDER_CRITERIA });
    const tender = await t.http().get(`/api/tenders/${other.tenderId}`).set(other.commissioner.auth).expect(200);
    expect(tender.body.warnings).toEqual([]);
    const bidder = await t.user('bidder', { organisationName: 'Hope Trust', organisationType: 'vcse' });
    const seen = await t.http().get(`/api/tenders/${tenderId}`).set(bidder.auth).expect(200);
    expect(seen.body.warnings).toEqual([]);
  });

  it('is on the team’s tender page as a warning', async () => {
    const session = await webSession(t, commissioner.email);
    const page = await t.http().get(`/tenders/${tenderId}`).set('Cookie', session);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /govuk-warning-text[\s\S]*Social value \(social, economic and environmental outcomes\) is 0% of the total\. Government guidance \(PPN 002\)/,
    );
  });

  it('is on the matrix’s Cover sheet, beside the social value share', async () => {
    const file = await download(t, commissioner, tenderId, 'evaluation-matrix.xlsx');
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body);
    const cover = new Map<string, unknown>();
    workbook.getWorksheet('Cover')!.eachRow((row) => cover.set(row.getCell(1).text, row.getCell(2).value));
    expect(cover.get('Social value (% of the total)')).toBe(0);
    expect(cover.get('Warning (PPN 002)')).toMatch(
      /is 0% of the total\. Government guidance \(PPN 002\) asks central government/,
    );
  });
});
