import { Module } from '@nestjs/common';
import { PanelModule } from '../panel/panel.module';
import { EngineInputLoader } from '../results/evaluation/evaluation-reader';
import { ModeratedScoresService } from './moderated-scores.service';
import { ModerationViewService } from '../results/moderation-view.service';
import { ModerationController } from './moderation.controller';
import { StartModerationService } from './start-moderation.service';

@Module({
  imports: [PanelModule],
  controllers: [ModerationController],
  providers: [StartModerationService, ModerationViewService, ModeratedScoresService, EngineInputLoader],
  exports: [EngineInputLoader],
})
export class ModerationModule {}
