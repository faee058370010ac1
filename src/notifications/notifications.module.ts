import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ClarificationsModule } from '../clarifications/clarifications.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PanelModule } from '../panel/panel.module';
import { ScoringModule } from '../scoring/scoring.module';
import { MailSender } from './mail-sender.service';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { NotificationHooks } from './notification-hooks';
import { Notices } from './notices.service';

/** The sender loop, the notices hooked into the features' changes, and the team's view of the messages. */
@Module({
  imports: [AccessModule, PanelModule, CriteriaModule, ScoringModule, ClarificationsModule],
  controllers: [MessagesController],
  providers: [Notices, MailSender, MessagesService, NotificationHooks],
  exports: [Notices, MailSender, MessagesService],
})
export class NotificationsModule {}
