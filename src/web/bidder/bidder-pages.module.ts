import { CriteriaModule } from '../../criteria/criteria.module';
import { TendersModule } from '../../tenders/tenders.module';
import { BidsModule } from '../../bids/bids.module';
import { AccessModule } from '../../access/access.module';
import { AssessmentSummariesModule } from '../../assessment-summaries/assessment-summaries.module';
import { Module } from '@nestjs/common';
import { ClarificationsModule } from '../../clarifications/clarifications.module';
import { WebModule } from '../web.module';
import { BidPagesController } from './bid-pages.controller';
import { BidderAccountPagesController } from './bidder-account-pages.controller';
import { BidSubmissionPagesController } from './bid-submission-pages.controller';
import { BidWorkspace } from './bid-workspace.service';
import { BidderSignIns } from './bidder-sign-ins';
import { OpportunityPagesController } from './opportunity-pages.controller';
import { RegisterPagesController } from './register-pages.controller';
import { SummaryPagesController } from './summary-pages.controller';

/** The bidder's pages (docs/WEB.md "Bidder pages"). */
@Module({
  imports: [CriteriaModule, AccessModule, AssessmentSummariesModule, BidsModule, TendersModule, WebModule, ClarificationsModule],
  controllers: [
    BidderAccountPagesController,
    RegisterPagesController,
    OpportunityPagesController,
    BidPagesController,
    BidSubmissionPagesController,
    SummaryPagesController,
  ],
  providers: [BidWorkspace, BidderSignIns],
})
export class BidderPagesModule {}
