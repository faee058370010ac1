import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { BidAssessmentService } from './bid-assessment.service';
import { BidContent } from './bid-content.service';
import { BidCounter } from './bid-counter';
import { BidEntryService } from './bid-entry.service';
import { BidReadingService } from './bid-reading.service';
import { BidReceiptService } from './bid-receipt.service';
import { BidSubmissionService } from './bid-submission.service';
import { BidsController } from './bids.controller';

/**
 * Bids. The tenders feature imports it for the submitted-bid count (the only fact known
 * while sealed); the panel pages for reading bids.
 */
@Module({
  imports: [AccessModule, CriteriaModule],
  controllers: [BidsController],
  providers: [
    BidContent,
    BidEntryService,
    BidSubmissionService,
    BidReadingService,
    BidReceiptService,
    BidAssessmentService,
    { provide: SubmittedBidCounter, useClass: BidCounter },
  ],
  exports: [
    SubmittedBidCounter,
    BidContent,
    BidReadingService,
    BidAssessmentService,
    BidEntryService,
    BidSubmissionService,
    BidReceiptService,
  ],
})
export class BidsModule {}
