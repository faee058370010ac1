import { TendersModule } from '../../tenders/tenders.module';
import { AccessModule } from '../../access/access.module';
import { Module } from '@nestjs/common';
import { AuthModule } from '../../sign-in/auth.module';
import { CriteriaModule } from '../../criteria/criteria.module';
import { NeedsModule } from '../../needs/needs.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { PanelModule } from '../../panel/panel.module';
import { TemplatesModule } from '../../templates/templates.module';
import { UsersModule } from '../../users/users.module';
import { WebModule } from '../web.module';
import { AccountPagesController } from './account-pages.controller';
import { CriteriaPagesController } from './criteria-pages.controller';
import { PanelTeamPagesController } from './panel-team-pages.controller';
import { TenderPagesController } from './tender-pages.controller';
import { TenderSettingsPagesController } from './tender-settings-pages.controller';

/** The team's and the admin's pages (docs/WEB.md "Team pages"). */
@Module({
  imports: [
    AccessModule,
    TendersModule,
    WebModule,
    PanelModule,
    NeedsModule,
    CriteriaModule,
    TemplatesModule,
    UsersModule,
    AuthModule,
    NotificationsModule,
  ],
  controllers: [
    AccountPagesController,
    TenderPagesController,
    TenderSettingsPagesController,
    PanelTeamPagesController,
    CriteriaPagesController,
  ],
})
export class TeamPagesModule {}
