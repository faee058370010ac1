import { Module } from '@nestjs/common';
import { DeclarationsService } from './declarations.service';
import { InvitationController } from './invitation.controller';
import { InvitationsService } from './invitations.service';
import { PanelDirectory } from './panel-directory.service';
import { PanelController } from './panel.controller';
import { PanelService } from './panel.service';

@Module({
  controllers: [PanelController, InvitationController],
  providers: [PanelService, InvitationsService, DeclarationsService, PanelDirectory],
  exports: [PanelDirectory],
})
export class PanelModule {}
