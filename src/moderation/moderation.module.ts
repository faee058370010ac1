import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { TendersModule } from '../tenders/tenders.module';
import { ModeratedScoresService } from './moderated-scores.service';
import { ModerationController } from './moderation.controller';
import { StartModerationService } from './start-moderation.service';

/** Starting moderation and moderated scores. The moderation table is read through results (ModerationViewController). */
@Module({
  imports: [PanelModule, AccessModule, CriteriaModule, TendersModule],
  controllers: [ModerationController],
  providers: [StartModerationService, ModeratedScoresService],
  exports: [ModeratedScoresService, StartModerationService],
})
export class ModerationModule {}
