import { Module } from '@nestjs/common';
import { AccessModule } from '../../access/access.module';
import { AssistedModule } from '../../assisted/assisted.module';
import { BidsModule } from '../../bids/bids.module';
import { ClarificationsModule } from '../../clarifications/clarifications.module';
import { CriteriaModule } from '../../criteria/criteria.module';
import { EasyReadModule } from '../../easy-read/easy-read.module';
import { PanelModule } from '../../panel/panel.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { WebModule } from '../web.module';
import { InvitationPagesController } from './invitation-pages.controller';
import { InvitationPreviewService } from './invitation-preview.service';
import { PanelDevicesService } from './panel-devices.service';
import { PanelPagesController } from './panel-pages.controller';
import { PanelQuestionsPagesController } from './panel-questions-pages.controller';

/** The panel's pages (docs/WEB.md "The panel journey"). */
@Module({
  imports: [
    WebModule,
    PanelModule,
    ScoringModule,
    CriteriaModule,
    AccessModule,
    BidsModule,
    EasyReadModule,
    AssistedModule,
    ClarificationsModule,
  ],
  controllers: [InvitationPagesController, PanelPagesController, PanelQuestionsPagesController],
  providers: [InvitationPreviewService, PanelDevicesService],
})
export class PanelPagesModule {}
