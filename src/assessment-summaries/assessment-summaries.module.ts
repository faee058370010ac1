import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResultsModule } from '../results/results.module';
import { AssessmentSummariesController, BidderSummaryController } from './assessment-summaries.controller';
import { AssessmentSummariesService } from './assessment-summaries.service';
import { BidderSummaries } from './bidder-summaries.service';
import { SummaryReader } from './summary-reader';

/** Assessment summaries (s.50(3)–(5)): drafts from the evaluation, words in versions, approval, sending, the documents. */
@Module({
  imports: [AccessModule, AuditModule, NotificationsModule, ResultsModule],
  controllers: [AssessmentSummariesController, BidderSummaryController],
  providers: [AssessmentSummariesService, BidderSummaries, SummaryReader],
  exports: [AssessmentSummariesService, BidderSummaries],
})
export class AssessmentSummariesModule {}
