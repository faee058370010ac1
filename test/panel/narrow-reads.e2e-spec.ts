import request from 'supertest';
import { DataSource } from 'typeorm';
import { BidReadingService } from '../../src/bids/bid-reading.service';
import type { Caller } from '../../src/common/caller';
import { DomainError } from '../../src/common/domain/domain-error';
import { AssignmentsService } from '../../src/scoring/assignments.service';
import { createTestApp, type TestApp } from '../app';
import {
  addLayPanelist,
  addPanelist,
  declare,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
  saveScore,
  scoreAndSubmit,
} from '../steps';
import { countStatements } from '../statements';

jest.setTimeout(120_000);

/**
 * The panel pages' narrow reads (AssignmentsService.summary and forBid, BidReadingService.answer)
 * against the whole workload the API serves (forCaller, get): the same bids, names, prices,
 * criteria and scores, the same refusals, and a cost in SQL statements that does not grow
 * with the number of bids.
 */
describe('narrow reads for the panel pages', () => {
  let t: TestApp;
  let assignments: AssignmentsService;
  let bids: BidReadingService;

  const callerOf = (who: Panelist, tenderId: string, seat: boolean): Caller => ({
    id: who.id,
    role: 'panelist',
    email: who.email,
    name: who.name,
    organisationId: null,
    ...(seat ? { seat: { tenderId, panelMemberId: who.memberId } } : {}),
  });

  interface Scene {
    world: PanelWorld;
    lived: Panelist;
    pro: Panelist;
    livedCaller: Caller;
    proCaller: Caller;
  }

  /** Blind marking, prices hidden or shown; the lay member knows someone at the first bidder, saved one score, submitted a bid. */
  async function scene(bidders: string[], tender: Record<string, unknown>): Promise<Scene> {
    const world = await panelTenderInEvaluation(t, { bidders, tender });
    const lived = await addLayPanelist(t, world, 'lived_experience', 'service user');
    const pro = await addPanelist(t, world, 'professional', 'clinician');
    await declare(t, world.tenderId, lived, world.bidIds, [world.bidIds[0]]);
    await declare(t, world.tenderId, pro, world.bidIds);
    expect((await saveScore(t, world.tenderId, lived, world.bidIds[1], 'Q1', 4)).status).toBe(200);
    await scoreAndSubmit(t, world.tenderId, lived, world.bidIds[2], 3);
    return {
      world,
      lived,
      pro,
      livedCaller: callerOf(lived, world.tenderId, true),
      proCaller: callerOf(pro, world.tenderId, false),
    };
  }

  const refusal = async (work: Promise<unknown>): Promise<string> => {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  let small: Scene;
  let large: Scene;
  let shown: Scene;

  beforeAll(async () => {
    t = await createTestApp();
    assignments = t.app.get(AssignmentsService);
    bids = t.app.get(BidReadingService);
    small = await scene(['Mind in Camden', 'Certitude', 'Hestia'], { blindMarking: true });
    large = await scene(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'], { blindMarking: true });
    shown = await scene(['Mind in Camden', 'Certitude', 'Hestia'], { priceVisibleToPanel: true });
  });
  afterAll(() => t.close());

  it('lists on the task list exactly the bids of the whole workload, with the same names and progress', async () => {
    for (const { world, livedCaller, proCaller } of [small, large, shown]) {
      for (const caller of [livedCaller, proCaller]) {
        const whole = await assignments.forCaller(caller, world.tenderId);
        const summary = await assignments.summary(caller, world.tenderId);
        const { bids: wholeBids, ...wholeFrame } = whole;
        const { bids: summaryBids, nextDeclarationBidId, conflicts, ...summaryFrame } = summary;
        expect(summaryFrame).toEqual(wholeFrame);
        expect(nextDeclarationBidId).toBeNull();
        expect(conflicts).toBe(caller === livedCaller ? 1 : 0);
        expect(summaryBids).toEqual(
          wholeBids.map((bid) => ({
            bidId: bid.bidId,
            bid: bid.bid,
            criteria: bid.items.length,
            saved: bid.items.filter((item) => item.status !== 'not_started').length,
            submitted: bid.submitted,
          })),
        );
      }
    }
  });

  it('leaves out the bid the member declared a conflict with, everywhere, and names bids blind', async () => {
    const { world, livedCaller } = small;
    const summary = await assignments.summary(livedCaller, world.tenderId);
    expect(summary.bids.map((bid) => [bid.bidId, bid.bid, bid.saved, bid.submitted])).toEqual([
      [world.bidIds[1], 'Bid 2', 1, false],
      [world.bidIds[2], 'Bid 3', 2, true],
    ]);
    expect(await refusal(assignments.forBid(livedCaller, world.tenderId, world.bidIds[0]))).toBe('not_found');
    const q1 = summary.criteria[0].criterionId;
    expect(await refusal(bids.answer(livedCaller, world.tenderId, world.bidIds[0], q1))).toBe('not_found');
    // The professional, without a conflict, scores it, still blind.
    const pro = await assignments.forBid(small.proCaller, world.tenderId, world.bidIds[0]);
    expect(pro.bid.bid).toBe('Bid 1');
  });

  it('gives one bid exactly as the whole workload gives it: criteria of the group only, scores, price hidden or shown', async () => {
    for (const { world, livedCaller, proCaller } of [small, shown]) {
      for (const caller of [livedCaller, proCaller]) {
        const { bids: wholeBids, ...wholeFrame } = await assignments.forCaller(caller, world.tenderId);
        for (const expected of wholeBids) {
          const { bid, ...frame } = await assignments.forBid(caller, world.tenderId, expected.bidId);
          expect(frame).toEqual(wholeFrame);
          expect(bid).toEqual(expected);
        }
      }
    }
    const lived = await assignments.forBid(small.livedCaller, small.world.tenderId, small.world.bidIds[1]);
    expect(lived.criteria.map((c) => c.code)).toEqual(['Q1', 'C1']);
    expect(lived.criteria[0].guidance).toBe('Will this service help people get better, in ways that matter to them?');
    expect(lived.bid.items.map((item) => [item.code, item.status, item.score])).toEqual([
      ['Q1', 'draft', 4],
      ['C1', 'not_started', null],
    ]);
    expect(lived.bid.price).toBeNull();
    const pro = await assignments.forBid(small.proCaller, small.world.tenderId, small.world.bidIds[1]);
    expect(pro.criteria.map((c) => c.code)).toEqual(['Q1', 'T1']);
    const priced = await assignments.forBid(shown.proCaller, shown.world.tenderId, shown.world.bidIds[1]);
    expect([priced.bid.bid, priced.bid.price]).toEqual(['Certitude', 110_000]);
  });

  it('reads one answer under the rules of the whole bid', async () => {
    const { world, livedCaller } = small;
    const work = await assignments.forBid(livedCaller, world.tenderId, world.bidIds[1]);
    const whole = await bids.get(livedCaller, world.tenderId, world.bidIds[1]);
    expect(whole.bidderName).toBeNull(); // blind
    for (const criterion of work.criteria) {
      const answer = await bids.answer(livedCaller, world.tenderId, world.bidIds[1], criterion.criterionId);
      expect(answer).toBe(whole.responses.find((r) => r.criterionId === criterion.criterionId)?.text ?? null);
    }
    expect(await bids.answer(livedCaller, world.tenderId, world.bidIds[1], work.criteria[0].criterionId)).toBe(
      'Certitude: a recovery college with peer tutors.',
    );
    // Another tender's seat session sees nothing of this one.
    expect(await refusal(bids.answer(large.livedCaller, world.tenderId, world.bidIds[1], work.criteria[0].criterionId))).toBe(
      'not_found',
    );
    expect(await refusal(assignments.forBid(large.livedCaller, world.tenderId, world.bidIds[1]))).toBe('not_found');
    expect(await refusal(assignments.summary(large.livedCaller, world.tenderId))).toBe('not_found');
  });

  it('lists no bid and refuses every bid until every declaration is made', async () => {
    const { world } = small;
    const late = await addPanelist(t, world, 'lived_experience');
    const caller = callerOf(late, world.tenderId, false);
    const summary = await assignments.summary(caller, world.tenderId);
    expect([summary.bids, summary.nextDeclarationBidId, summary.declarationsOutstanding]).toEqual([[], world.bidIds[0], 3]);
    expect(await refusal(assignments.forBid(caller, world.tenderId, world.bidIds[1]))).toBe('invalid_state');
    await declare(t, world.tenderId, late, [world.bidIds[0]]);
    expect((await assignments.summary(caller, world.tenderId)).nextDeclarationBidId).toBe(world.bidIds[1]);
  });

  it('costs the same number of statements for 3 bids as for 8: the reads and the pages', async () => {
    const cost = async (work: () => Promise<unknown>) => (await countStatements(t.app.get(DataSource), work)).statements;
    const reads = async ({ world, livedCaller }: Scene) => {
      const work = await assignments.forBid(livedCaller, world.tenderId, world.bidIds[1]);
      return [
        await cost(() => assignments.summary(livedCaller, world.tenderId)),
        await cost(async () => {
          await assignments.forBid(livedCaller, world.tenderId, world.bidIds[1]);
          await bids.answer(livedCaller, world.tenderId, world.bidIds[1], work.criteria[0].criterionId);
        }),
      ];
    };
    const [smallReads, largeReads] = [await reads(small), await reads(large)];
    expect(largeReads).toEqual(smallReads);
    expect(smallReads[0]).toBeLessThanOrEqual(8);
    expect(smallReads[1]).toBeLessThanOrEqual(14);

    const pages = async (scene: Scene) => {
      const agent = await pageSession(scene);
      const { world } = scene;
      const taskList = await cost(async () => expect((await agent.get(`/panel/${world.tenderId}`)).status).toBe(200));
      const criterion = await cost(async () =>
        expect((await agent.get(`/panel/${world.tenderId}/bids/${world.bidIds[1]}/criteria/Q1`)).status).toBe(200),
      );
      return [taskList, criterion];
    };
    const [smallPages, largePages] = [await pages(small), await pages(large)];
    expect(largePages).toEqual(smallPages);
    // The whole request: session, account, the reads above and the header's organisation.
    expect(smallPages[0]).toBeLessThanOrEqual(16);
    expect(smallPages[1]).toBeLessThanOrEqual(22);
  });

  it("reads one bid's row on the criterion page and on a score saved, never every bid's", async () => {
    const agent = await pageSession(large, 'one-row');
    const { world } = large;
    // A full row of the bids table names its bidder; the panel's facts read only ids, status and dates.
    const fullBidRows = (sql: string[]) => sql.filter((s) => /FROM "bids"/.test(s) && /"bidderName"/.test(s));
    const page = await countStatements(t.app.get(DataSource), async () =>
      expect((await agent.get(`/panel/${world.tenderId}/bids/${world.bidIds[1]}/criteria/Q1`)).status).toBe(200),
    );
    expect(fullBidRows(page.sql)).toHaveLength(1);
    expect(fullBidRows(page.sql)[0]).toMatch(/"id" = .*LIMIT 1/s);
    const saved = await countStatements(t.app.get(DataSource), async () =>
      expect((await saveScore(t, world.tenderId, large.lived, world.bidIds[3], 'Q1', 2)).status).toBe(200),
    );
    expect(fullBidRows(saved.sql).length).toBeGreaterThan(0);
    for (const statement of fullBidRows(saved.sql)) expect(statement).toMatch(/"id" = .*LIMIT 1/s);
  });

  /** A browser session of a new lay member, declared on every bid through the pages (no conflict). */
  async function pageSession({ world }: Scene, who = 'page') {
    const added = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Page member', email: `${who}-${world.tenderId}@example.org`, group: 'lived_experience' });
    expect(added.status).toBe(201);
    const issued = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel/${added.body.id}/invitation`)
      .set(world.commissioner.auth);
    const agent = request.agent(t.app.getHttpServer());
    const start = await agent.get(`/invitation/${issued.body.token}`);
    const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    expect(
      (
        await agent
          .post('/invitation/start')
          .type('form')
          .send({ _csrf: csrf(start.text), token: issued.body.token })
      ).status,
    ).toBe(303);
    for (const bidId of world.bidIds) {
      const page = await agent.get(`/panel/${world.tenderId}/declarations/${bidId}`);
      const posted = await agent
        .post(`/panel/${world.tenderId}/declarations/${bidId}`)
        .type('form')
        .send({ _csrf: csrf(page.text), conflict: 'no' });
      expect(posted.status).toBe(303);
    }
    return agent;
  }
});
