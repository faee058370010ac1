import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { PanelModule } from '../panel/panel.module';
import { AuditedDownloads } from './audited-download';
import { EvaluationRecordLoader } from '../results/evaluation/evaluation-record.loader';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** The evaluation workbook, scores.csv and evaluation.json: renderers of the results engine's numbers. */
@Module({
  imports: [ModerationModule, PanelModule],
  controllers: [ExportsController],
  providers: [ExportsService, EvaluationRecordLoader, AuditedDownloads],
})
export class ExportsModule {}
