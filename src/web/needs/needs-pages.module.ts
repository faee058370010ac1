import { Module } from '@nestjs/common';
import { NeedsModule } from '../../needs/needs.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { NeedsPanelPagesController, NeedsTeamPagesController } from './needs-pages.controller';

/** The needs pages (docs/PANEL.md "Communication and support needs"): the team's and the member's own. */
@Module({
  imports: [WebModule, NeedsModule, TendersModule],
  controllers: [NeedsTeamPagesController, NeedsPanelPagesController],
})
export class NeedsPagesModule {}
