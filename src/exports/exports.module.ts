import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ResultsModule } from '../results/results.module';
import { AuditedDownloads } from './audited-download';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** The evaluation workbook, scores.csv and evaluation.json: renderers of the evaluation record (`Evaluation.record`). */
@Module({
  imports: [ResultsModule, AccessModule],
  controllers: [ExportsController],
  providers: [ExportsService, AuditedDownloads],
  exports: [ExportsService],
})
export class ExportsModule {}
