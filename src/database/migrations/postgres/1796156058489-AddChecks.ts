import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChecks1796156058489 implements MigrationInterface {
  name = 'AddChecks1796156058489';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_6714c206bcd6a89f99277fbd10" CHECK (
                    "moderationRequired" IN (true, false)
                    AND "priceVisibleToPanel" IN (true, false)
                    AND "blindMarking" IN (true, false)
                    AND "equalRepresentation" IN (true, false)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_a15f54d77b7e4c0d9cacf52d99" CHECK ("version" >= 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_74bf09e6fe04a8748d57c7371a" CHECK (
                    "abnormallyLowRatioHundredths" BETWEEN 0 AND 100
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_fd2149c39c5cc7026b02fabfa3" CHECK (
                    "minScorers" BETWEEN 1 AND 100
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_7237d0072b69da60b0d6401727" CHECK (
                    "divergenceThresholdHundredths" BETWEEN 0 AND 10000
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_bd8c89ce36778e0c7d4499439c" CHECK ("tieBreak" IN ('none', 'quality', 'price'))
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_82ae9777d34f89d04637e737f8" CHECK (
                    "priceFormula" IN (
                        'lowest_ratio',
                        'linear_deviation',
                        'min_max_linear'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_620c8d26dc9d25e20945fb8807" CHECK ("aggregation" IN ('mean', 'median'))
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_4ec0905a3e296b814b687c4907" CHECK (
                    "scaleMin" BETWEEN 0 AND 100
                    AND "scaleMax" BETWEEN 0 AND 100
                    AND "scaleMin" < "scaleMax"
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_fd301a4428a1ee8292c443a8f7" CHECK (
                    "status" IN (
                        'draft',
                        'published',
                        'evaluation',
                        'moderation',
                        'awarded',
                        'cancelled'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions"
            ADD CONSTRAINT "CHK_c7333a00271aaad4c34e4c6bbd" CHECK ("number" >= 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions"
            ADD CONSTRAINT "CHK_6bdf48f913f0719e6041111b13" CHECK ("pricePence" >= 0)
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions"
            ADD CONSTRAINT "CHK_920e67d465c72fe9da57d1a265" CHECK (
                    "organisationType" IN ('vcse', 'sme', 'large', 'public')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions"
            ADD CONSTRAINT "CHK_13fa6712d57a0e6aaad2d1b6cc" CHECK ("status" IN ('draft', 'submitted', 'superseded'))
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "CHK_da4b44955fdcb380d13a51816f" CHECK ("paper" IN (true, false))
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "CHK_efdd447266589ee29a765b134d" CHECK (
                    "organisationType" IN ('vcse', 'sme', 'large', 'public')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "CHK_dd45240a2dc1868b37e9a127c0" CHECK (
                    "status" IN (
                        'draft',
                        'submitted',
                        'withdrawn',
                        'disqualified'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_9045cbbea4c7389cd1fe65a1d2" CHECK ("order" >= 0)
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_1fe7af8e9f261ce9365acf8b2e" CHECK (
                    "maxWords" BETWEEN 1 AND 20000
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_2f1ad910f4aff4f722b4f2dc17" CHECK (
                    "thresholdHundredths" BETWEEN 0 AND 10000
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_d402f8307276df3373644392d1" CHECK (
                    "weightHundredths" BETWEEN 0 AND 10000
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_60137430545b0a5d0df6c31a94" CHECK (
                    "category" IN (
                        'quality',
                        'co_production',
                        'social_outcome',
                        'economic_outcome',
                        'environmental_outcome',
                        'price',
                        'compliance'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "CHK_64804ba569a6a2038b16f8d24a" CHECK (
                    "kind" IN ('section', 'scored', 'price', 'pass_fail')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "CHK_7651d5e9e45370d5ddae56176a" CHECK ("status" IN ('draft', 'submitted'))
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "CHK_8f21b3d5202a2dbecde8290ef9" CHECK (
                    "score" BETWEEN 0 AND 100
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "CHK_01d2202698ce306d13370630d7" CHECK ("version" >= 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "CHK_9949ed5651fd893a3044e3e13e" CHECK (
                    "score" BETWEEN 0 AND 100
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance"
            ADD CONSTRAINT "CHK_60e3342d736457c8f55e21939f" CHECK ("passed" IN (true, false))
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ADD CONSTRAINT "CHK_93bef3f4189ace201c94741a78" CHECK ("seq" >= 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ADD CONSTRAINT "CHK_c2d4b5e469b0b8ca39f33055ba" CHECK (
                    "sensitivity" IN ('public', 'bid_content', 'score')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_chain_head"
            ADD CONSTRAINT "CHK_39af16794b448c8df8f504cf5e" CHECK ("seq" >= 0)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_chain_head" DROP CONSTRAINT "CHK_39af16794b448c8df8f504cf5e"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_c2d4b5e469b0b8ca39f33055ba"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_93bef3f4189ace201c94741a78"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance" DROP CONSTRAINT "CHK_60e3342d736457c8f55e21939f"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "CHK_9949ed5651fd893a3044e3e13e"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "CHK_01d2202698ce306d13370630d7"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "CHK_8f21b3d5202a2dbecde8290ef9"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "CHK_7651d5e9e45370d5ddae56176a"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_64804ba569a6a2038b16f8d24a"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_60137430545b0a5d0df6c31a94"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_d402f8307276df3373644392d1"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_2f1ad910f4aff4f722b4f2dc17"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_1fe7af8e9f261ce9365acf8b2e"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "CHK_9045cbbea4c7389cd1fe65a1d2"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "CHK_dd45240a2dc1868b37e9a127c0"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "CHK_efdd447266589ee29a765b134d"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "CHK_da4b44955fdcb380d13a51816f"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions" DROP CONSTRAINT "CHK_13fa6712d57a0e6aaad2d1b6cc"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions" DROP CONSTRAINT "CHK_920e67d465c72fe9da57d1a265"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions" DROP CONSTRAINT "CHK_6bdf48f913f0719e6041111b13"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions" DROP CONSTRAINT "CHK_c7333a00271aaad4c34e4c6bbd"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_fd301a4428a1ee8292c443a8f7"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_4ec0905a3e296b814b687c4907"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_620c8d26dc9d25e20945fb8807"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_82ae9777d34f89d04637e737f8"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_bd8c89ce36778e0c7d4499439c"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_7237d0072b69da60b0d6401727"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_fd2149c39c5cc7026b02fabfa3"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_74bf09e6fe04a8748d57c7371a"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_a15f54d77b7e4c0d9cacf52d99"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_6714c206bcd6a89f99277fbd10"
        `);
  }
}
