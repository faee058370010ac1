import { CriteriaModule } from '../../criteria/criteria.module';
import { TendersModule } from '../../tenders/tenders.module';
import { BidsModule } from '../../bids/bids.module';
import { AccessModule } from '../../access/access.module';
import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../../audit-trail/audit-trail.module';
import { ExportsModule } from '../../exports/exports.module';
import { ModerationModule } from '../../moderation/moderation.module';
import { NeedsModule } from '../../needs/needs.module';
import { ResultsModule } from '../../results/results.module';
import { UsersModule } from '../../users/users.module';
import { WebModule } from '../web.module';
import { AuditPagesController } from './audit-pages.controller';
import { BidsPagesController } from './bids-pages.controller';
import { DownloadsPagesController } from './downloads-pages.controller';
import { ModerationPagesController } from './moderation-pages.controller';
import { ResultsPagesController } from './results-pages.controller';
import { TenderFrame } from './tender-frame';

/** The team's evaluation pages (docs/WEB.md "Evaluation pages"): bids, moderation, results, downloads, audit trail. */
@Module({
  imports: [
    CriteriaModule,
    AccessModule,
    BidsModule,
    TendersModule,
    WebModule,
    ResultsModule,
    ModerationModule,
    NeedsModule,
    ExportsModule,
    UsersModule,
    AuditTrailModule,
  ],
  controllers: [
    BidsPagesController,
    ModerationPagesController,
    ResultsPagesController,
    DownloadsPagesController,
    AuditPagesController,
  ],
  providers: [TenderFrame],
})
export class EvaluationPagesModule {}
