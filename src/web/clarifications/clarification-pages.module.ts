import { Module } from '@nestjs/common';
import { ClarificationsModule } from '../../clarifications/clarifications.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { ClarificationPagesController } from './clarification-pages.controller';

/** The team's clarification pages: /tenders/:id/questions… (docs/WEB.md "Clarification pages"). */
@Module({
  imports: [WebModule, TendersModule, ClarificationsModule],
  controllers: [ClarificationPagesController],
})
export class ClarificationPagesModule {}
