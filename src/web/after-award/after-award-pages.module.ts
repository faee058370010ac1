import { Module } from '@nestjs/common';
import { AssessmentSummariesModule } from '../../assessment-summaries/assessment-summaries.module';
import { OcdsModule } from '../../ocds/ocds.module';
import { StandstillModule } from '../../standstill/standstill.module';
import { TendersModule } from '../../tenders/tenders.module';
import { TenderFrame } from '../evaluation/tender-frame';
import { WebModule } from '../web.module';
import { AfterAwardPagesController } from './after-award-pages.controller';
import { RecordsPagesController } from './records-pages.controller';
import { SummariesPagesController } from './summaries-pages.controller';

/** The team's pages after the award (docs/AFTER-AWARD.md "The pages"): standstill, challenges, contract, termination notice, records. */
@Module({
  imports: [AssessmentSummariesModule, StandstillModule, OcdsModule, TendersModule, WebModule],
  controllers: [AfterAwardPagesController, RecordsPagesController, SummariesPagesController],
  providers: [TenderFrame],
})
export class AfterAwardPagesModule {}
