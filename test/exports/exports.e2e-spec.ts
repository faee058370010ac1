import { createHash } from 'node:crypto';
import * as ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../app';
import { download } from './download';
import { evaluationWorld, HOSTILE, type ExportWorld } from './evaluation-world';
import { parseCsv } from './libreoffice';
import { addPanelist, panelTenderInEvaluation } from '../steps';

jest.setTimeout(60_000);

const FILES = ['evaluation-matrix.xlsx', 'scores.csv', 'evaluation.json'] as const;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('exports: scores.csv, evaluation.json, access and the audit trail', () => {
  let t: TestApp;
  let world: ExportWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await evaluationWorld(t);
  });
  afterAll(() => t.close());

  it('are for the tender team only: 401 without a token, 404 for a stranger, 403 for other roles', async () => {
    const stranger = await t.user('commissioner');
    const strangerProcurement = await t.user('procurement');
    for (const file of FILES) {
      const path = `/api/tenders/${world.tenderId}/exports/${file}`;
      expect((await t.http().get(path)).status).toBe(401);
      for (const who of [stranger, strangerProcurement]) {
        const refused = await t.http().get(path).set(who.auth);
        expect(refused.status).toBe(404);
        expect(refused.body).toMatchObject({ status: 404, detail: 'Tender not found.' });
      }
      for (const who of [world.panelists[0], world.bidder, { auth: { Authorization: `Bearer ${t.adminToken}` } }]) {
        const refused = await t.http().get(path).set(who.auth);
        expect(refused.status).toBe(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(
        (await t.http().get(`/api/tenders/00000000-0000-4000-8000-000000000000/exports/${file}`).set(world.commissioner.auth))
          .status,
      ).toBe(404);
    }
  });

  it('are refused (409) before moderation: they would reveal the scores', async () => {
    const early = await panelTenderInEvaluation(t);
    await addPanelist(t, early, 'lived_experience');
    for (const file of FILES) {
      const refused = await t.http().get(`/api/tenders/${early.tenderId}/exports/${file}`).set(early.commissioner.auth);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        status: 409,
        currentStatus: 'evaluation',
        detail: 'Exports are available from moderation on, because they reveal every panel score; the tender is in evaluation.',
      });
    }
  });

  it('scores.csv: one RFC 4180 row per individual score, UTF-8 with BOM, pseudonyms, formula-like text neutralised', async () => {
    const response = await download(t, world.commissioner, world.tenderId, 'scores.csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+-scores\.csv"$/);
    const text = response.body.toString('utf8');
    expect(
      text.startsWith('\uFEFF"bid","bidder","criterion","criterionTitle","member","group","role","score","rationale","status"'),
    ).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
    const [header, ...rows] = parseCsv(text).filter((row) => row.length > 1);
    const at = (name: string) => header.indexOf(name);
    // Lived 1 and 2: 4 bids × 5 criteria; lived 3: 3 bids (a conflict); professionals: 4 × 5, drafts included.
    expect(rows).toHaveLength(20 + 20 + 15 + 20 + 20);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    expect(rows.map((row) => row[at('member')])).toEqual(
      expect.arrayContaining(['Lived experience 1', 'Lived experience 2', 'Lived experience 3', 'Dr Professional 3']),
    );
    expect(text).not.toContain('Private Name');
    expect(rows.some((row) => row[at('bidder')] === `'${HOSTILE.bidderName}`)).toBe(true);
    expect(rows.some((row) => row[at('rationale')] === "'=1+1 4")).toBe(true);
    expect(rows.some((row) => row[at('rationale')] === `'${HOSTILE.minus} (3)`)).toBe(true);
    expect(rows.some((row) => row[at('role')] === `'${HOSTILE.role}`)).toBe(true);
    expect(rows.some((row) => row[at('criterionTitle')] === "'-Local employment (=jobs for residents)")).toBe(true);
    // No field a spreadsheet would run: every text starting like a formula carries the quote.
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r\n]/);
    const drafts = rows.filter((row) => row[at('status')] === 'draft');
    expect(drafts).toHaveLength(5);
    expect(drafts.every((row) => row[at('counted')] === 'no' && row[at('whyNotCounted')] === 'Draft, never submitted')).toBe(
      true,
    );
    const conflicted = rows.filter((row) => row[at('whyNotCounted')] === 'Conflict of interest declared on this bid');
    expect(conflicted).toHaveLength(5);
    expect(
      conflicted.every((row) => row[at('member')] === 'Lived experience 2' && row[at('bidder')] === 'Riverside Care Ltd'),
    ).toBe(true);
    expect(
      rows
        .filter((row) => row[at('submittedAt')] !== '')
        .every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(row[at('submittedAt')])),
    ).toBe(true);
  });

  it('evaluation.json: the whole evaluation, its results exactly those of GET /results', async () => {
    const response = await download(t, world.procurement, world.tenderId, 'evaluation.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const evaluation = JSON.parse(response.body.toString('utf8'));
    const results = (await t.http().get(`/api/tenders/${world.tenderId}/results`).set(world.procurement.auth)).body;
    expect(evaluation.results).toEqual({
      complete: results.complete,
      gaps: expect.any(Array),
      sensitivity: results.sensitivity,
      bids: results.bids,
      robustness: results.robustness,
      closeCall: results.closeCall,
      groupInfluence: results.groupInfluence,
      calibration: results.calibration,
    });
    expect(evaluation.results.gaps).toHaveLength(results.gaps.length);
    expect(evaluation).toMatchObject({
      protectiveMarking: 'OFFICIAL-SENSITIVE: COMMERCIAL',
      generatedBy: { id: world.procurement.id, role: 'procurement' },
      tender: {
        id: world.tenderId,
        reference: world.reference,
        status: 'moderation',
        scale: { min: 0, max: 5 },
        moderationRequired: false,
      },
    });
    expect(evaluation.criteria.map((c: { code: string }) => c.code)).toEqual([
      'Q',
      'Q1',
      'Q2',
      'C1',
      'SV1',
      'EC1',
      'EN1',
      'P',
      'G1',
    ]);
    expect(evaluation.criteria.find((c: { code: string }) => c.code === 'C1')).toMatchObject({
      weight: 20,
      groupWeights: { lived_experience: 60, professional: 40 },
    });
    expect(evaluation.bids).toHaveLength(4);
    expect(evaluation.bids.find((b: { id: string }) => b.id === world.bidIds.hostile)).toMatchObject({
      bidderName: HOSTILE.bidderName,
      label: 'Bid 1',
      price: 101234.56,
      countedVersion: 1,
      versionCount: 1,
    });
    expect(evaluation.individualScores).toHaveLength(95);
    expect(evaluation.individualScores.filter((s: { counted: boolean }) => !s.counted)).toHaveLength(10);
    const versions = evaluation.moderatedScores.filter(
      (m: { bidId: string; criterion: string }) => m.bidId === world.bidIds.steady && m.criterion === 'Q1',
    );
    expect(versions.map((m: { version: number; score: number; current: boolean }) => [m.version, m.score, m.current])).toEqual([
      [1, 3, false],
      [2, 4, true],
    ]);
    expect(
      evaluation.declarations
        .filter((d: { conflict: boolean }) => d.conflict)
        .map((d: { member: string; details: string }) => [d.member, d.details]),
    ).toEqual(
      expect.arrayContaining([
        ['Lived experience 3', '=I volunteer there'],
        ['Lived experience 2', '@I used to work there'],
      ]),
    );
    expect(evaluation.compliance).toHaveLength(4);
    expect(evaluation.clarifications).toEqual([
      expect.objectContaining({
        number: 1,
        kind: 'question',
        status: 'published',
        question: HOSTILE.dde,
        answer: HOSTILE.at,
        privateReason: null,
      }),
      expect.objectContaining({
        number: 2,
        status: 'private',
        askedBy: { organisationName: 'Camden Mind Partnership org', name: expect.any(String) },
        privateReason: 'Names a partner.',
        publishedAt: null,
      }),
      expect.objectContaining({
        number: 3,
        kind: 'notice',
        question: null,
        askedBy: null,
        answer: 'Annex C is revised.',
        publishedAt: expect.any(String),
      }),
    ]);
    expect(evaluation.commitments).toEqual([
      expect.objectContaining({
        bidId: world.bidIds.hostile,
        position: 1,
        criterion: 'SV1',
        outcome: HOSTILE.dde,
        target: 40,
        baseline: 12.5,
        byDate: '2028-03-31',
      }),
      expect.objectContaining({
        bidId: world.bidIds.hostile,
        position: 2,
        criterion: null,
        measure: HOSTILE.minus,
        target: 1234.75,
        baseline: null,
      }),
    ]);
    const peerPower = evaluation.panelStatistics.find(
      (cell: { bidId: string; criterion: string }) => cell.bidId === world.bidIds.cheap && cell.criterion === 'EC1',
    );
    expect(peerPower).toMatchObject({ count: 2, panelScore: 2.5, exactPanelScore: '5/2' });
  });

  it('records every download on the audit trail with the SHA-256 of the bytes sent', async () => {
    const digests = new Map<string, string>();
    for (const file of FILES) {
      const response = await download(t, world.commissioner, world.tenderId, file);
      expect(response.status).toBe(200);
      digests.set(file, sha256(response.body));
    }
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const downloads = audit.body.filter(
      (event: { action: string; actorId: string }) =>
        event.action === 'export.downloaded' && event.actorId === world.commissioner.id,
    );
    for (const file of FILES) {
      expect(downloads).toContainEqual(
        expect.objectContaining({
          entityType: 'export',
          entityId: file,
          after: expect.objectContaining({
            export: file,
            sha256: digests.get(file),
            resultsComplete: true,
            bytes: expect.any(Number),
          }),
        }),
      );
    }
  });

  it('still exports after the award, and the cover names the awarded bid', async () => {
    const awarded = await t.http().post(`/api/tenders/${world.tenderId}/award`).set(world.commissioner.auth).send({});
    expect(awarded.status).toBe(200);
    const response = await download(t, world.commissioner, world.tenderId, 'evaluation-matrix.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const cover = workbook.getWorksheet('Cover')!;
    const line = (label: string) => {
      let value: unknown;
      cover.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(line('Status')).toBe('awarded');
    expect(line('Awarded to')).toBe('Camden Mind Partnership (Bid 2)');
    expect(line('Results')).toBe('Complete: every gate is recorded and every scored criterion has its score.');
    expect(line('Protective marking')).toBe('OFFICIAL-SENSITIVE: COMMERCIAL');
    expect(line('Generated by')).toBe(`${world.commissioner.name} <${world.commissioner.email}> (commissioner)`);
  });
});
