import { Global, Module } from '@nestjs/common';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { BidAssessmentService } from './bid-assessment.service';
import { BidContent } from './bid-content.service';
import { BidCounter } from './bid-counter';
import { BidEntryService } from './bid-entry.service';
import { BidReadingService } from './bid-reading.service';
import { BidReceiptService } from './bid-receipt.service';
import { BidSubmissionService } from './bid-submission.service';
import { BidsController } from './bids.controller';
import { TenderClosing } from './tender-closing.service';

/**
 * Bids and the sealed box. Global because the tenders feature needs two things from it:
 * the submitted-bid count (the only fact known while sealed) and closing the box.
 */
@Global()
@Module({
  controllers: [BidsController],
  providers: [
    BidContent,
    BidEntryService,
    BidSubmissionService,
    BidReadingService,
    BidReceiptService,
    BidAssessmentService,
    TenderClosing,
    { provide: SubmittedBidCounter, useClass: BidCounter },
  ],
  exports: [SubmittedBidCounter, TenderClosing, BidContent, BidReadingService, BidAssessmentService, BidEntryService, BidSubmissionService, BidReceiptService],
})
export class BidsModule {}
