import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { TendersModule } from '../tenders/tenders.module';
import { AwardService } from './award.service';
import { EvaluationReader } from './evaluation/evaluation-reader';
import { EvaluationRecordLoader } from './evaluation/evaluation-record.loader';
import { Evaluation } from './evaluation/evaluation.service';
import { ModerationViewController } from './moderation-view.controller';
import { ModerationViewService } from './moderation-view.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/**
 * The evaluation read model and what shows it: `Evaluation` (one reader, one call of the
 * engine) behind GET /results, the award, the moderation table, and — exported — the
 * exports and every later page, letter and notice.
 */
@Module({
  imports: [PanelModule, AccessModule, CriteriaModule, TendersModule],
  controllers: [ResultsController, ModerationViewController],
  providers: [EvaluationReader, EvaluationRecordLoader, Evaluation, ResultsService, AwardService, ModerationViewService],
  exports: [Evaluation, ResultsService, AwardService, ModerationViewService],
})
export class ResultsModule {}
