import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { AwardService } from './award.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/** Results and the award, both through ResultsService.evaluate (exports compute theirs in EvaluationRecordLoader). */
@Module({
  imports: [ModerationModule],
  controllers: [ResultsController],
  providers: [ResultsService, AwardService],
  exports: [ResultsService],
})
export class ResultsModule {}
