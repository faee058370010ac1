import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { AssignmentsService } from './assignments.service';
import { DraftScoreWriter } from './draft-score-writer';
import { ScoringController } from './scoring.controller';
import { ScoringHooks } from './scoring-hooks';
import { ScoringService } from './scoring.service';

@Module({
  imports: [PanelModule, AccessModule, CriteriaModule],
  controllers: [ScoringController],
  providers: [ScoringService, AssignmentsService, DraftScoreWriter, ScoringHooks],
  exports: [ScoringService, AssignmentsService, DraftScoreWriter, ScoringHooks],
})
export class ScoringModule {}
