import { Module } from '@nestjs/common';
import { OfflineModule } from '../../offline/offline.module';
import { PanelModule } from '../../panel/panel.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { OfflineWorkbookPagesController } from './offline-pages.controller';

/** The team's offline workbook page (docs/PANEL.md "Offline workbook"). */
@Module({
  imports: [WebModule, TendersModule, PanelModule, OfflineModule],
  controllers: [OfflineWorkbookPagesController],
})
export class OfflinePagesModule {}
