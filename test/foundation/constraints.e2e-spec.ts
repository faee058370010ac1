import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { rawQuery, refusalOf } from '../raw-sql';
import { addPanelist, publishedTender, newBidderSubmits, WORKED_EXAMPLE_CRITERIA } from '../steps';

/**
 * Someone with a database client writes values the service never would. The database
 * itself refuses them: CHECK constraints for ranges and statuses, and a trigger holding
 * every score to its tender's own scale.
 */
describe('database constraints (raw SQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let commissioner: SignedIn;
  let tenderId: string;
  let bidId: string;
  let memberId: string;
  let criterionId: string;
  let versionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    commissioner = await t.user('commissioner');
    tenderId = (await publishedTender(t, { commissioner, criteria: WORKED_EXAMPLE_CRITERIA })).tenderId; // scale 0–5
    ({ bidId } = await newBidderSubmits(t, tenderId, 'Hope Street Trust', 100_000, ['Q1', 'C1']));
    ({ memberId } = await addPanelist(t, { tenderId, commissioner }, 'professional'));
    const [criterion] = (await rawQuery(db, `SELECT "id" FROM "criteria" WHERE "tenderId" = $1 AND "code" = 'Q1'`, [
      tenderId,
    ])) as { id: string }[];
    criterionId = criterion.id;
    const [version] = (await rawQuery(db, `SELECT "submittedVersionId" AS "id" FROM "bids" WHERE "id" = $1`, [bidId])) as {
      id: string;
    }[];
    versionId = version.id;
  });
  afterAll(() => t.close());

  const CHECK = /CHECK constraint failed|violates check constraint|on its tender's scale/;

  const individualScore = (score: unknown) =>
    refusalOf(
      db,
      `INSERT INTO "individual_scores" ("id", "tenderId", "bidId", "criterionId", "panelMemberId", "score", "rationale", "status", "savedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'Written by hand', 'draft', $7)`,
      [randomUUID(), tenderId, bidId, criterionId, memberId, score, new Date()],
    );
  const moderatedScore = (score: unknown, version = 1) =>
    refusalOf(
      db,
      `INSERT INTO "moderated_scores" ("id", "tenderId", "bidId", "criterionId", "version", "score", "rationale", "moderatedById", "moderatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'Written by hand', $7, $8)`,
      [randomUUID(), tenderId, bidId, criterionId, version, score, commissioner.id, new Date()],
    );

  it("refuses a score off the tender's scale (99 on 0–5), below 0 or above the widest scale, and takes one on it", async () => {
    for (const score of [99, 6, -1, 101]) {
      expect({ score, refused: (await individualScore(score))?.message }).toEqual({
        score,
        refused: expect.stringMatching(CHECK),
      });
    }
    for (const score of [99, -1, 101]) {
      expect({ score, refused: (await moderatedScore(score))?.message }).toEqual({
        score,
        refused: expect.stringMatching(CHECK),
      });
    }
    // The same rows with a score on the scale are accepted: the refusals were about the value.
    expect(await individualScore(4)).toBeNull();
    expect(await moderatedScore(4)).toBeNull();
    const raised = await refusalOf(db, `UPDATE "individual_scores" SET "score" = 99 WHERE "panelMemberId" = $1`, [memberId]);
    expect(raised?.message).toMatch(CHECK);
    expect(await moderatedScore(3, 0)).not.toBeNull(); // versions start at 1
  });

  it.each([
    ['tender status', `UPDATE "tenders" SET "status" = 'opened' WHERE "id" = $1`],
    ['tender scale above the widest', `UPDATE "tenders" SET "scaleMax" = 101 WHERE "id" = $1`],
    ['tender scale upside down', `UPDATE "tenders" SET "scaleMin" = 5, "scaleMax" = 3 WHERE "id" = $1`],
    ['negative scale', `UPDATE "tenders" SET "scaleMin" = -1 WHERE "id" = $1`],
    ['aggregation', `UPDATE "tenders" SET "aggregation" = 'mode' WHERE "id" = $1`],
    ['price formula', `UPDATE "tenders" SET "priceFormula" = 'cheapest' WHERE "id" = $1`],
    ['tie-break', `UPDATE "tenders" SET "tieBreak" = 'coin' WHERE "id" = $1`],
    ['divergence threshold', `UPDATE "tenders" SET "divergenceThresholdHundredths" = 10001 WHERE "id" = $1`],
    ['minimum scorers', `UPDATE "tenders" SET "minScorers" = 0 WHERE "id" = $1`],
    ['abnormally-low ratio', `UPDATE "tenders" SET "abnormallyLowRatioHundredths" = 101 WHERE "id" = $1`],
    ['criterion weight above 100 %', `UPDATE "criteria" SET "weightHundredths" = 10001 WHERE "tenderId" = $1`],
    ['negative criterion weight', `UPDATE "criteria" SET "weightHundredths" = -1 WHERE "tenderId" = $1`],
    ['criterion kind', `UPDATE "criteria" SET "kind" = 'bonus' WHERE "tenderId" = $1`],
    ['criterion category', `UPDATE "criteria" SET "category" = 'luck' WHERE "tenderId" = $1`],
    ['threshold beyond the widest scale', `UPDATE "criteria" SET "thresholdHundredths" = 10001 WHERE "tenderId" = $1`],
    ['bid status', `UPDATE "bids" SET "status" = 'winning' WHERE "tenderId" = $1`],
    [
      'negative price',
      `UPDATE "bid_versions" SET "pricePence" = -1 WHERE "bidId" IN (SELECT "id" FROM "bids" WHERE "tenderId" = $1)`,
    ],
    [
      'bid version status',
      `UPDATE "bid_versions" SET "status" = 'final' WHERE "bidId" IN (SELECT "id" FROM "bids" WHERE "tenderId" = $1)`,
    ],
  ])('refuses a bad %s', async (_what, sql) => {
    expect((await refusalOf(db, sql, [tenderId]))?.message).toMatch(CHECK);
  });

  it('refuses a boolean that is not one (SQLite stores anything in any column otherwise)', async () => {
    const refused = await refusalOf(db, `UPDATE "bids" SET "paper" = 7 WHERE "tenderId" = $1`, [tenderId]);
    // PostgreSQL refuses it by type already; SQLite by the CHECK.
    expect(refused).not.toBeNull();
    if (db.options.type === 'sqlite') expect(refused?.message).toMatch(CHECK);
  });

  it('left the valid rows as they were', async () => {
    const [tender] = (await rawQuery(db, `SELECT "status", "scaleMin", "scaleMax" FROM "tenders" WHERE "id" = $1`, [
      tenderId,
    ])) as Record<string, unknown>[];
    expect(tender).toEqual({ status: 'published', scaleMin: 0, scaleMax: 5 });
    const [version] = (await rawQuery(db, `SELECT "pricePence" FROM "bid_versions" WHERE "id" = $1`, [versionId])) as {
      pricePence: unknown;
    }[];
    expect(Number(version.pricePence)).toBe(10_000_000);
  });
});
