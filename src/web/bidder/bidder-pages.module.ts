import { Module } from '@nestjs/common';
import { ClarificationsModule } from '../../clarifications/clarifications.module';
import { WebModule } from '../web.module';
import { BidPagesController } from './bid-pages.controller';
import { BidSubmissionPagesController } from './bid-submission-pages.controller';
import { BidWorkspace } from './bid-workspace.service';
import { OpportunityPagesController } from './opportunity-pages.controller';
import { RegisterPagesController } from './register-pages.controller';

/** The bidder's pages (docs/WEB.md "Bidder pages"). */
@Module({
  imports: [WebModule, ClarificationsModule],
  controllers: [RegisterPagesController, OpportunityPagesController, BidPagesController, BidSubmissionPagesController],
  providers: [BidWorkspace],
})
export class BidderPagesModule {}
