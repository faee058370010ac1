import mammoth from 'mammoth';
import { createTestApp, type TestApp } from '../app';
import { validatePackage } from '../ocds/ocds-schema';
import {
  approveSummary,
  awardedWorkedExample,
  awardIt,
  bidderSummary,
  DISQUALIFIED_REASON,
  flat,
  GATE_NOTE,
  generateSummaries,
  getAssessmentSummary,
  getResults,
  listSummaries,
  pdfPages,
  recordSummarySent,
  summaryFile,
  writeSummary,
  type AwardedWorld,
  type ResultBid,
} from '../steps';

// A whole tender is built through the API (accounts, bids, scores, gates, award): room for it on PostgreSQL too.
jest.setTimeout(90_000);

interface SummaryBody {
  bidderName: string;
  isWinner: boolean;
  total: number;
  winnerTotal: number | null;
  price: number;
  eligible: boolean;
  criteria: {
    criterionId: string;
    code: string;
    kind: string;
    weight: number;
    score: number | null;
    weighted: number | null;
    winnerScore: number | null;
    winnerWeighted: number | null;
    explanation: string | null;
  }[];
  subtotals: { key: string; value: number; winnerValue: number | null }[];
  gates: { code: string; passed: boolean | null; note: string | null }[];
  exclusions: { reason: string; criterion: string | null; detail: string }[];
  status: string;
  version: number;
  sentOn: string | null;
}

/**
 * Assessment summaries (Procurement Act 2023 s.50(3)–(5)): after the award, a summary for every
 * assessed bid whose figures are GET /results' own, words edited in versions, approved by a
 * second team member, recorded as sent, read by its supplier and by nobody else.
 */
describe('assessment summaries', () => {
  let t: TestApp;
  let world: AwardedWorld;
  let results: { bids: ResultBid[] };
  const base = () => `/api/tenders/${world.tenderId}/assessment-summaries`;
  const summaryOf = async (bidId: string) => {
    const reply = await getAssessmentSummary(t, world.tenderId, world.owner, bidId);
    expect(reply.status).toBe(200);
    return reply.body as SummaryBody;
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await awardedWorkedExample(t);
  });
  afterAll(() => t.close());

  it('follows the award decision: 409 before it', async () => {
    const early = await generateSummaries(t, world.tenderId, world.owner);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.body.detail).toMatch(/assessment summaries follow the award decision/);
    await awardIt(t, world);
    results = (await getResults(t, world.tenderId, world.owner)).body as { bids: ResultBid[] };
  });

  it('drafts one summary per assessed bid, once', async () => {
    const first = await generateSummaries(t, world.tenderId, world.owner);
    expect(first.status).toBe(201);
    expect(first.body.assessed).toBe(4);
    expect(first.body.summaries.map((entry: { bidderName: string }) => entry.bidderName).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(
      first.body.summaries.every((entry: { status: string; version: number }) => entry.status === 'draft' && entry.version === 1),
    ).toBe(true);
    const again = await generateSummaries(t, world.tenderId, world.colleague);
    expect(again.status).toBe(201);
    expect(again.body.summaries.map((entry: { id: string }) => entry.id)).toEqual(
      first.body.summaries.map((entry: { id: string }) => entry.id),
    );
  });

  it("gives every bid GET /results' own figures, its own and the most advantageous tender's", async () => {
    const winner = results.bids.find((bid) => bid.rank === 1)!;
    for (const bid of results.bids) {
      const summary = await summaryOf(bid.bidId);
      expect(summary.total).toBe(bid.total);
      expect(summary.price).toBe(bid.price);
      expect(summary.eligible).toBe(bid.eligible);
      expect(summary.winnerTotal).toBe(winner.total);
      expect(summary.isWinner).toBe(bid.bidId === winner.bidId);
      for (const result of bid.criteria) {
        const line = summary.criteria.find((entry) => entry.criterionId === result.criterionId)!;
        expect({ code: line.code, score: line.score, weighted: line.weighted }).toEqual({
          code: result.code,
          score: result.score,
          weighted: result.weighted,
        });
        const best = winner.criteria.find((entry) => entry.criterionId === result.criterionId)!;
        expect({ score: line.winnerScore, weighted: line.winnerWeighted }).toEqual({
          score: best.score,
          weighted: best.weighted,
        });
      }
      for (const subtotal of summary.subtotals) {
        expect(subtotal.value).toBe(bid.byCategory[subtotal.key]);
        expect(subtotal.winnerValue).toBe(winner.byCategory[subtotal.key]);
      }
      expect(summary.subtotals.map((entry) => entry.key)).toEqual(['quality', 'co_production', 'price']);
      expect(summary.criteria.map((entry) => [entry.code, entry.weight])).toEqual([
        ['Q1', 40],
        ['C1', 30],
        ['P', 30],
      ]);
    }
  });

  it('drafts the words from the moderation rationale, or what the panel wrote, never who wrote it', async () => {
    const b = await summaryOf(world.bids.B.bidId);
    expect(b.criteria.find((line) => line.code === 'Q1')!.explanation).toBe(
      'The score was agreed at moderation. The panel agreed 3 on Q1 after discussion.',
    );
    const a = await getAssessmentSummary(t, world.tenderId, world.owner, world.bids.A.bidId);
    const q1 = (a.body as SummaryBody).criteria.find((line) => line.code === 'Q1')!;
    expect(q1.explanation).toBe('What the panel said about your tender:\n- Scored 4 on Q1.\n- Scored 3 on Q1.');
    for (const member of world.panel) {
      expect(JSON.stringify(a.body)).not.toContain(member.name);
      expect(JSON.stringify(a.body)).not.toContain(member.email);
    }
  });

  it("states the failed gate and its reason, and the disqualification's", async () => {
    const c = await summaryOf(world.bids.C.bidId);
    expect(c.eligible).toBe(false);
    expect(c.exclusions).toEqual([
      { reason: 'failed_gate', criterion: 'G1', detail: 'The bid did not pass the pass/fail criterion G1 (Insurance).' },
    ]);
    expect(c.gates).toEqual([
      { criterionId: expect.any(String), code: 'G1', title: 'Insurance', passed: false, note: GATE_NOTE },
    ]);
    const d = await summaryOf(world.bids.D.bidId);
    expect(d.exclusions).toEqual([
      { reason: 'disqualified', criterion: null, detail: `The bid was disqualified: ${DISQUALIFIED_REASON}.` },
    ]);
  });

  it('keeps each edit as a version; the member who wrote the newest words cannot approve them', async () => {
    const bidId = world.bids.B.bidId;
    const unknown = await writeSummary(t, world.tenderId, world.owner, bidId, { explanations: [{ criterion: 'G1', text: 'x' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { field: 'explanations[0].criterion', message: expect.stringMatching(/G1 is not a scored/) },
    ]);
    const number = await writeSummary(t, world.tenderId, world.owner, bidId, { total: 99 } as never);
    expect(number.status).toBe(400);

    const edited = await writeSummary(t, world.tenderId, world.colleague, bidId, {
      explanations: [{ criterion: 'Q1', text: 'Your answer set out a clear weekly routine.' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, status: 'draft', lastEditedBy: world.colleague.name });
    const own = await approveSummary(t, world.tenderId, world.colleague, bidId);
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/another member of the tender team must approve it/);

    const early = await recordSummarySent(t, world.tenderId, world.owner, bidId, { sentOn: '2026-12-01' });
    expect(early.status).toBe(409);
    const approved = await approveSummary(t, world.tenderId, world.owner, bidId);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: world.owner.name, version: 2 });
    expect(approved.body.versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
    expect(approved.body.criteria.find((line: { code: string }) => line.code === 'Q1').explanation).toBe(
      'Your answer set out a clear weekly routine.',
    );
  });

  it('records the day sent; only then may the supplier read it, and no rival ever', async () => {
    const bidId = world.bids.B.bidId;
    expect((await bidderSummary(t, world.tenderId, world.bids.B.bidder, bidId)).status).toBe(404);
    const future = await recordSummarySent(t, world.tenderId, world.owner, bidId, { sentOn: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ field: 'sentOn', message: 'The day it was sent cannot be in the future.' }]);
    const badDate = await recordSummarySent(t, world.tenderId, world.owner, bidId, { sentOn: '2026-02-30' });
    expect(badDate.status).toBe(400);
    const today = t.clock.now().toISOString().slice(0, 10);
    const sent = await recordSummarySent(t, world.tenderId, world.owner, bidId, { sentOn: today });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', sentOn: today });
    const edit = await writeSummary(t, world.tenderId, world.owner, bidId, { overall: 'Changed.' });
    expect(edit.status).toBe(409);
    // The supplier is told where to read it (the outbox sends it later).
    const messages = await t.http().get(`/api/tenders/${world.tenderId}/messages`).set(world.owner.auth);
    expect(messages.body.messages).toContainEqual(
      expect.objectContaining({ kind: 'assessment_summaries_sent', recipient: world.bids.B.bidder.email }),
    );

    const own = await bidderSummary(t, world.tenderId, world.bids.B.bidder, bidId);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ bidderName: 'B', sentOn: today, total: (await summaryOf(bidId)).total });
    expect(own.body).not.toHaveProperty('versions');
    const rival = await bidderSummary(t, world.tenderId, world.bids.A.bidder, bidId);
    expect(rival.status).toBe(404);
    expect((await bidderSummary(t, world.tenderId, world.bids.A.bidder, world.bids.A.bidId)).status).toBe(404);
    expect((await t.http().get(base()).set(world.bids.A.bidder.auth)).status).toBe(403);

    const list = await listSummaries(t, world.tenderId, world.owner);
    expect(list.body.allSentOn).toBeNull();
  });

  it('the PDF and the Word document carry the same figures as the summary', async () => {
    const bidId = world.bids.B.bidId;
    const summary = await summaryOf(bidId);
    const figures = [
      ...summary.criteria.flatMap((line) => [line.score, line.weighted, line.winnerScore, line.winnerWeighted]),
      ...summary.subtotals.flatMap((entry) => [entry.value, entry.winnerValue]),
      summary.total,
      summary.winnerTotal,
    ]
      .filter((value): value is number => value !== null)
      .map((value) => value.toFixed(2));
    expect(figures).toContain(summary.total.toFixed(2));

    const pdf = await summaryFile(t, world.tenderId, world.owner, bidId, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfText = flat(pdfPages(pdf.body as Buffer).join(' '));
    const docx = await summaryFile(t, world.tenderId, world.owner, bidId, 'docx');
    expect(docx.status).toBe(200);
    const docxText = flat((await mammoth.extractRawText({ buffer: docx.body as Buffer })).value);
    for (const text of [pdfText, docxText]) {
      expect(text).toContain('Assessment summary');
      expect(text).toContain('Supplier: B');
      expect(text).toContain('Your answer set out a clear weekly routine.');
      expect(text).toContain('£80,000.00');
      for (const value of figures) expect(text).toContain(value);
    }
    const c = await summaryFile(t, world.tenderId, world.owner, world.bids.C.bidId, 'pdf');
    expect(flat(pdfPages(c.body as Buffer).join(' '))).toContain(`G1 Insurance: failed. ${GATE_NOTE}`);
  });

  it('puts every step on the audit trail, and gives the award notice its date once every summary is sent', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    for (const key of ['A', 'C', 'D'] as const) {
      const bidId = world.bids[key].bidId;
      expect((await approveSummary(t, world.tenderId, world.colleague, bidId)).status).toBe(200);
      expect((await recordSummarySent(t, world.tenderId, world.owner, bidId, { sentOn: today })).status).toBe(200);
    }
    const list = await listSummaries(t, world.tenderId, world.owner);
    expect(list.body.allSentOn).toBe(today);
    // The award notice's open data carries the day (OCDS assessmentSummariesDateSent), still valid.
    const award = await t.http().get(`/api/tenders/${world.tenderId}/ocds/award`).set(world.owner.auth);
    expect(award.status).toBe(200);
    expect(award.body.releases[0].awards[0].assessmentSummariesDateSent).toBe(`${today}T00:00:00.000Z`);
    expect(validatePackage(award.body).errors).toEqual([]);
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.owner.auth);
    const actions = (audit.body.events ?? audit.body).map((event: { action: string }) => event.action);
    for (const action of [
      'assessment_summary.generated',
      'assessment_summary.edited',
      'assessment_summary.approved',
      'assessment_summary.sent',
      'assessment_summary.downloaded',
    ])
      expect(actions).toContain(action);
  });

  it("is the tender team's: 404 for a commissioner of another tender, 403 for other roles, 401 without a token", async () => {
    const bidId = world.bids.A.bidId;
    const outsider = await t.user('commissioner');
    const panelist = world.panel[0];
    const routes = [
      () => t.http().get(base()),
      () => t.http().get(`${base()}/${bidId}`),
      () => t.http().post(`${base()}/${bidId}/approve`),
      () => t.http().get(`${base()}/${bidId}/summary.pdf`),
    ];
    for (const route of routes) {
      expect((await route().set(outsider.auth)).status).toBe(404);
      expect((await route().set(panelist.auth)).status).toBe(403);
      expect((await route()).status).toBe(401);
    }
    expect((await bidderSummary(t, world.tenderId, outsider, bidId)).status).toBe(403);
    expect((await bidderSummary(t, world.tenderId, world.owner, bidId)).status).toBe(403);
  });
});
