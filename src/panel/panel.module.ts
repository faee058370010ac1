import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { DeclarationHooks } from './declaration-hooks';
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
    DeclarationHooks,
  ],
  // The web pages (src/web/panel) call the same services as the API.
  exports: [
    PanelDirectory,
    InvitationsService,
    DeclarationsService,
    PanelService,
    TenderWorkService,
    InvitationHooks,
    DeclarationHooks,
  ],
})
export class PanelModule {}
