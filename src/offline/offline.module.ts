import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { ScoringModule } from '../scoring/scoring.module';
import { ImportProvenance } from './import-provenance';
import { OfflineWorkbookController } from './offline.controller';
import { OfflineWorkbookService } from './offline-workbook.service';
import { workbookBody } from './workbook-body';

/** The offline scoring workbook (docs/PANEL.md "Offline workbook"). */
@Module({
  imports: [AccessModule, CriteriaModule, PanelModule, ScoringModule],
  controllers: [OfflineWorkbookController],
  providers: [OfflineWorkbookService, ImportProvenance],
  exports: [OfflineWorkbookService],
})
export class OfflineModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(workbookBody).forRoutes({ path: 'tenders/:tenderId/panel/:memberId/workbook', method: RequestMethod.POST });
  }
}
