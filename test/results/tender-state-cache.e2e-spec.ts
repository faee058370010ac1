import { DataSource } from 'typeorm';
import { TenderStateCache } from '../../src/audit/tender-state-cache';
import type { Caller } from '../../src/common/caller';
import { Db } from '../../src/database/db.service';
import { PanelService } from '../../src/panel/panel.service';
import { ResultsService } from '../../src/results/results.service';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { countStatements } from '../statements';
import { addPanelist, declare, getResults, moderate, panelTenderInEvaluation, saveScore, type PanelWorld } from '../steps';
import { workedExampleTender } from '../steps/worked-example.world';

jest.setTimeout(180_000);

/**
 * The evaluation and the progress counts are reused while the tender's audit chain head is
 * unchanged (TenderStateCache): a view costs a few statements, and every write that can change
 * what is shown — through the API, as a commissioner or panelist makes it — is seen by the
 * very next view. "Fresh" below is the same service called inside a write transaction, where
 * the cache is never used.
 */
describe('Evaluation and progress reused until the tender changes', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let caller: Caller;
  let cache: TenderStateCache;

  const callerOf = (who: SignedIn): Caller => ({
    id: who.id,
    role: 'commissioner',
    email: who.email,
    name: who.name,
    organisationId: null,
  });

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    caller = callerOf(commissioner);
    cache = t.app.get(TenderStateCache);
  });
  afterAll(() => t.close());

  const cost = <T>(work: () => Promise<T>) => countStatements(t.app.get(DataSource), work);

  describe('the results', () => {
    let tender: { tenderId: string; bidIds: string[] };
    const viewed = async () => (await getResults(t, tender.tenderId, commissioner)).body as { bids: unknown[] };
    const fresh = () => t.app.get(Db).transaction(() => t.app.get(ResultsService).results(caller, tender.tenderId));
    const totals = (body: { bids: unknown[] }) =>
      (body.bids as { bidId: string; total: number; rank: number | null; eligible: boolean }[]).map((bid) => [
        bid.bidId,
        bid.total,
        bid.rank,
        bid.eligible,
      ]);

    beforeAll(async () => {
      tender = await workedExampleTender(t, commissioner);
    });

    it('costs the access check, the head and the panel once computed, and the same numbers as a fresh evaluation', async () => {
      cache.clear();
      const results = t.app.get(ResultsService);
      const first = await cost(() => results.results(caller, tender.tenderId));
      const again = await cost(() => results.results(caller, tender.tenderId));
      // The read of the tender and the access check, the head and the members: nothing else.
      expect(first.statements - again.statements).toBe(7);
      expect(again.value).toEqual({ ...first.value, generatedAt: again.value.generatedAt });
      expect(totals(again.value)).toEqual(totals(await fresh()));
    });

    it('shows a new consensus score at once', async () => {
      const before = totals(await viewed());
      await moderate(t, tender.tenderId, commissioner, tender.bidIds[0], 'Q1', 1);
      const after = totals(await viewed());
      expect(after).not.toEqual(before);
      expect(after).toEqual(totals(await fresh()));
    });

    it('shows a disqualification at once', async () => {
      const response = await t
        .http()
        .post(`/api/tenders/${tender.tenderId}/bids/${tender.bidIds[1]}/disqualify`)
        .set(commissioner.auth)
        .send({ reason: 'Late insurance documents.' });
      expect(response.status).toBe(200);
      const after = totals(await viewed());
      expect(after.find(([bidId]) => bidId === tender.bidIds[1])?.[3]).toBe(false);
      expect(after).toEqual(totals(await fresh()));
    });

    it('after a cached view, sees the next write at once (the head is read on every view)', async () => {
      await viewed(); // cached
      await moderate(t, tender.tenderId, commissioner, tender.bidIds[0], 'C1', 5);
      expect(totals(await viewed())).toEqual(totals(await fresh()));
    });
  });

  describe('the progress grid', () => {
    let world: PanelWorld;
    const grid = () => t.app.get(PanelService).progressGrid(callerOf(world.commissioner), world.tenderId);
    const fresh = () => t.app.get(Db).transaction(() => grid());
    const cells = (g: Awaited<ReturnType<typeof grid>>) => g.members.map((m) => [m.id, m.cells.map((c) => c.progress)]);

    beforeAll(async () => {
      world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude'] });
    });

    it('shows a saved score, a declaration and a new panelist at once', async () => {
      const lived = await addPanelist(t, world, 'lived_experience');
      expect(cells(await grid())).toEqual(cells(await fresh()));
      await declare(t, world.tenderId, lived, world.bidIds, [world.bidIds[0]]);
      const declared = cells(await grid());
      expect(declared).toEqual([[lived.memberId, ['conflict', 'not_started']]]);
      expect((await saveScore(t, world.tenderId, lived, world.bidIds[1], 'Q1', 4)).status).toBe(200);
      const saved = cells(await grid());
      expect(saved[0][1]).toEqual(['conflict', expect.stringMatching(/in_progress|completed/)]);
      expect(saved).toEqual(cells(await fresh()));
      const pro = await addPanelist(t, world, 'professional');
      const two = cells(await grid());
      expect(two.map(([id]) => id)).toEqual([lived.memberId, pro.memberId]);
      expect(two).toEqual(cells(await fresh()));
    });

    it('reuses the counts while nothing changes', async () => {
      await grid();
      const again = await cost(() => grid());
      cache.clear();
      const first = await cost(() => grid());
      expect(first.value).toEqual(again.value);
      // One grouped count per panel group present, replaced by nothing: the head is read either way.
      expect(first.statements - again.statements).toBe(2);
    });
  });
});
