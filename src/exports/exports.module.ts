import { Module } from '@nestjs/common';
import { PanelModule } from '../panel/panel.module';
import { ResultsModule } from '../results/results.module';
import { AuditedDownloads } from './audited-download';
import { EvaluationRecordLoader } from './evaluation-record.loader';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** The evaluation workbook, scores.csv and evaluation.json: renderers of ResultsService's numbers. */
@Module({
  imports: [ResultsModule, PanelModule],
  controllers: [ExportsController],
  providers: [ExportsService, EvaluationRecordLoader, AuditedDownloads],
})
export class ExportsModule {}
