import { Global, Module } from '@nestjs/common';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { BidAssessmentService } from './bid-assessment.service';
import { BidContent } from './bid-content.service';
import { BidCounter } from './bid-counter';
import { BidEntryService } from './bid-entry.service';
import { BidReadingService } from './bid-reading.service';
import { BidSubmissionService } from './bid-submission.service';
import { BidsController } from './bids.controller';

/**
 * Bids and the sealed box. Global because the tenders feature needs the submitted-bid count
 * from it (the only fact known while sealed).
 */
@Global()
@Module({
  controllers: [BidsController],
  providers: [
    BidContent,
    BidEntryService,
    BidSubmissionService,
    BidReadingService,
    BidAssessmentService,
    { provide: SubmittedBidCounter, useClass: BidCounter },
  ],
  exports: [SubmittedBidCounter, BidContent, BidReadingService],
})
export class BidsModule {}
