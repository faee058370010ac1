import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { DeclarationsService } from './declarations.service';
import { InvitationHooks } from './invitation-hooks';
import { InvitationController } from './invitation.controller';
import { InvitationsService } from './invitations.service';
import { PanelDirectory } from './panel-directory.service';
import { PanelController } from './panel.controller';
import { PanelService } from './panel.service';
import { SeatAcceptance } from './seat-acceptance';
import { TenderWorkService } from './tender-work.service';

@Module({
  imports: [AccessModule, CriteriaModule],
  controllers: [PanelController, InvitationController],
  providers: [
    PanelService,
    InvitationsService,
    DeclarationsService,
    PanelDirectory,
    TenderWorkService,
    InvitationHooks,
    SeatAcceptance,
  ],
  // The web pages (src/web/panel) call the same services as the API.
  exports: [PanelDirectory, InvitationsService, DeclarationsService, PanelService, TenderWorkService, InvitationHooks],
})
export class PanelModule {}
