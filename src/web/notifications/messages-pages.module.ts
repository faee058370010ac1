import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { MessagesPagesController } from './messages-pages.controller';

/** The team's Messages page per tender (docs/PANEL.md, "Notifications"). */
@Module({
  imports: [TendersModule, WebModule, NotificationsModule],
  controllers: [MessagesPagesController],
})
export class MessagesPagesModule {}
