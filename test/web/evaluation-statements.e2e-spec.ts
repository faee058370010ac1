import { DataSource } from 'typeorm';
import { TenderStateCache } from '../../src/audit/tender-state-cache';
import { createTestApp, PASSWORD, type SignedIn, type TestApp } from '../app';
import { countStatements } from '../statements';
import { workedExampleTender } from '../steps/worked-example.world';

jest.setTimeout(180_000);

/**
 * Issue 14's bar: list pages cost a constant number of SQL statements in the number of bids.
 * The team's bids, moderation, results and audit pages, as a signed-in browser asks for them
 * (session cookie, no JavaScript needed), on the worked example in moderation with 2 bids and
 * with 6: each page issues as many statements for one as for the other, both when the tender's
 * kept state was just dropped (TenderStateCache, as after any write) and when it is reused.
 */
describe("The team's evaluation pages cost the same SQL statements for 2 bids and for 6", () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let cookie: string;
  let small: { tenderId: string; bidIds: string[] };
  let large: { tenderId: string; bidIds: string[] };

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    small = await workedExampleTender(t, commissioner);
    large = await workedExampleTender(t, commissioner, 4);
    cookie = await signIn(t, commissioner.email);
  });
  afterAll(() => t.close());

  /** The sign-in page as a browser uses it: its session cookie and CSRF token, then the form. */
  async function signIn(app: TestApp, email: string): Promise<string> {
    const page = await app.http().get('/sign-in');
    const anonymous = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const posted = await app
      .http()
      .post('/sign-in')
      .set('Cookie', anonymous)
      .type('form')
      .send({ _csrf: csrf, email, password: PASSWORD });
    expect(posted.status).toBe(303);
    return String(posted.headers['set-cookie']?.[0] ?? '').split(';')[0];
  }

  /** One page's statements: after the kept state is dropped, then again with it kept. */
  async function cost(path: string): Promise<{ fresh: number; reused: number }> {
    const dataSource = t.app.get(DataSource);
    const get = async () => {
      const { value: response, statements } = await countStatements(dataSource, () => t.http().get(path).set('Cookie', cookie));
      expect([path, response.status]).toEqual([path, 200]);
      return { statements, text: response.text };
    };
    t.app.get(TenderStateCache).clear();
    const fresh = await get();
    const reused = await get();
    return { fresh: fresh.statements, reused: reused.statements };
  }

  it.each(['bids', 'moderation', 'results', 'audit'])('/tenders/:id/%s', async (page) => {
    const two = await cost(`/tenders/${small.tenderId}/${page}`);
    const six = await cost(`/tenders/${large.tenderId}/${page}`);
    expect(six).toEqual(two);
  });

  it('the moderation agenda reuses the evaluation kept while the tender is unchanged', async () => {
    const agenda = await cost(`/tenders/${large.tenderId}/moderation`);
    // Reused: no score, bid or criterion is read again, only the chain head, the panel and what the page shows.
    expect(agenda.reused).toBeLessThan(agenda.fresh);
  });

  it('a moderation cell page reads its own cell’s scores only, whether or not the tender just changed', async () => {
    const cellOf = (tender: { tenderId: string; bidIds: string[] }) =>
      `/tenders/${tender.tenderId}/moderation/${tender.bidIds[1]}/Q1`;
    const cell = await cost(cellOf(large));
    expect(await cost(cellOf(small))).toEqual(cell);
    expect(cell.fresh).toBe(cell.reused);
    const { sql } = await countStatements(t.app.get(DataSource), () => t.http().get(cellOf(large)).set('Cookie', cookie));
    const scoreReads = sql.filter((text) => /from "individual_scores"/i.test(text));
    expect(scoreReads.length).toBeGreaterThan(0);
    for (const text of scoreReads) expect(text).toMatch(/"bidId" IN \(.+\) AND .*"criterionId" = /);
  });

  it('shows every bid on the larger tender (the pages counted are the full lists)', async () => {
    const bids = await t.http().get(`/tenders/${large.tenderId}/bids`).set('Cookie', cookie);
    const results = await t.http().get(`/tenders/${large.tenderId}/results`).set('Cookie', cookie);
    for (const name of ['A', 'B', 'Extra 1', 'Extra 4']) {
      expect(bids.text).toContain(`>${name}<`);
      expect(results.text).toContain(name);
    }
  });
});
