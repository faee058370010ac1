import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PanelModule } from '../panel/panel.module';
import { NeedsController } from './needs.controller';
import { NeedsDirectory } from './needs-directory';
import { NeedsService } from './needs.service';

/** Communication and support needs of panel members (docs/PANEL.md). */
@Module({
  imports: [AccessModule, PanelModule],
  controllers: [NeedsController],
  providers: [NeedsService, NeedsDirectory],
  // NeedsDirectory for letters (large print) and notifications (do not email); NeedsService for the pages.
  exports: [NeedsService, NeedsDirectory],
})
export class NeedsModule {}
