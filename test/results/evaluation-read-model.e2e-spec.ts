import { DataSource, type EntityManager } from 'typeorm';
import { TenderStateCache } from '../../src/audit/tender-state-cache';
import type { Caller } from '../../src/common/caller';
import { Db } from '../../src/database/db.service';
import { Evaluation } from '../../src/results/evaluation/evaluation.service';
import { Tender } from '../../src/tenders/tender.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { workedExampleTender } from '../steps/worked-example.world';
import { countStatements } from '../statements';
import { getResults } from '../steps';

jest.setTimeout(120_000);

describe('The evaluation read model (Evaluation: one reader, one call of the engine)', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let caller: Caller;
  let small: { tenderId: string; bidIds: string[] };
  let large: { tenderId: string; bidIds: string[] };

  /** Runs `work` on tender `tenderId` inside one read, counting the SQL statements it issues. */
  async function counted<T>(tenderId: string, work: (evaluation: Evaluation, em: EntityManager, tender: Tender) => Promise<T>) {
    const db = t.app.get(Db);
    const tender = await db.read((em) => em.getRepository(Tender).findOneByOrFail({ id: tenderId }));
    return countStatements(t.app.get(DataSource), () => db.read((em) => work(t.app.get(Evaluation), em, tender)));
  }

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    caller = {
      id: commissioner.id,
      role: 'commissioner',
      email: commissioner.email,
      name: commissioner.name,
      organisationId: null,
    };
    small = await workedExampleTender(t, commissioner);
    large = await workedExampleTender(t, commissioner, 6);
  });
  afterAll(() => t.close());

  it('gives the evaluation record the very numbers of GET /results: B 78.00 first, A 71.50 second', async () => {
    const { value: record } = await counted(small.tenderId, (evaluation, em, tender) => evaluation.record(em, caller, tender));
    const response = await getResults(t, small.tenderId, commissioner);
    expect(response.status).toBe(200);
    const figures = (bids: { bidId: string; rank: number | null; total: number; byCategory: unknown; criteria: unknown }[]) =>
      bids.map(({ bidId, rank, total, byCategory, criteria }) => ({ bidId, rank, total, byCategory, criteria }));
    expect(figures(record.presented.bids)).toEqual(figures(response.body.bids));
    expect(record.presented.bids.map((bid) => [bid.bidderName, bid.rank, bid.total])).toEqual([
      ['B', 1, 78],
      ['A', 2, 71.5],
    ]);
    expect(record.presented.sensitivity).toEqual(response.body.sensitivity);
    expect(record.presented.complete).toBe(response.body.complete);
    // The rows behind it, read once: bids in the results' order, the tree, the moderation history.
    expect(record.bids.map((bid) => [bid.bidderName, bid.countedVersion, bid.versionCount, bid.pricePence])).toEqual([
      ['B', 1, 1, 8_000_000n],
      ['A', 1, 1, 10_000_000n],
    ]);
    expect(record.criteria.map((criterion) => [criterion.code, criterion.depth])).toEqual([
      ['Q1', 0],
      ['C1', 0],
      ['P', 0],
    ]);
    expect(record.moderated.map((m) => [m.bidId, m.version, m.score, m.moderatedBy, m.current])).toEqual([
      [small.bidIds[1], 1, 3, commissioner.name, true],
      [small.bidIds[1], 1, 4, commissioner.name, true],
    ]);
    expect(record.members.map((member) => member.name)).toEqual(['Lived experience 1', 'Lived experience 2', expect.any(String)]);
  });

  it('reads a tender in a fixed number of statements, whatever its number of bids; the record adds only names and commitments', async () => {
    const cost = async (tenderId: string) => ({
      // A first read (TenderStateCache emptied): what a view costs once the tender has changed.
      evaluate: (
        await counted(tenderId, (evaluation, em, tender) => {
          t.app.get(TenderStateCache).clear();
          return evaluation.evaluate(em, tender);
        })
      ).statements,
      record: (await counted(tenderId, (evaluation, em, tender) => evaluation.record(em, caller, tender))).statements,
    });
    const two = await cost(small.tenderId);
    const eight = await cost(large.tenderId);
    expect(eight).toEqual(two);
    // The audit head (TenderStateCache), members, score cells, moderated scores, criteria, bids, versions, compliance, declarations.
    expect(two.evaluate).toBe(9);
    // The same rows, plus the names of moderators and gate recorders, the commitments and the
    // clarification log, the scores entered on members' behalf: nothing the engine's read holds is read a second time.
    expect(two.record).toBe(two.evaluate - 1 + 4);
  });
});
