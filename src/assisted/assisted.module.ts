import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { AssistedScoringController, EnteredForMeController } from './assisted-scoring.controller';
import { AssistedScoringService } from './assisted-scoring.service';
import { MemberConfirmationService } from './member-confirmation.service';

@Module({
  imports: [PanelModule, AccessModule, CriteriaModule],
  controllers: [AssistedScoringController, EnteredForMeController],
  providers: [AssistedScoringService, MemberConfirmationService],
  exports: [AssistedScoringService, MemberConfirmationService],
})
export class AssistedModule {}
