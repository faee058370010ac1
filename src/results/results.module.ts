import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { AwardService } from './award.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/** Results and the award. Exports ResultsService: the exports feature renders its numbers. */
@Module({
  imports: [ModerationModule],
  controllers: [ResultsController],
  providers: [ResultsService, AwardService],
  exports: [ResultsService],
})
export class ResultsModule {}
