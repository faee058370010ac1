import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { ClarificationsController } from './clarifications.controller';
import { ClarificationHooks } from './clarification-hooks';
import { ClarificationsService } from './clarifications.service';
import { ClarificationNewsService } from './clarification-news.service';

/** Clarification questions and the team's clarifications: the log every bidder reads. */
@Module({
  imports: [AccessModule],
  controllers: [ClarificationsController],
  providers: [ClarificationsService, ClarificationHooks, ClarificationNewsService],
  exports: [ClarificationsService, ClarificationHooks, ClarificationNewsService],
})
export class ClarificationsModule {}
