import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { AuthGuard } from './sign-in/auth.guard';
import { AuthModule } from './sign-in/auth.module';
import { BidsModule } from './bids/bids.module';
import { ClarificationsModule } from './clarifications/clarifications.module';
import { ClockModule } from './common/clock.module';
import { AssessmentSummariesModule } from './assessment-summaries/assessment-summaries.module';
import { ConflictsModule } from './conflicts/conflicts.module';
import { NotFoundFallback } from './common/not-found-fallback';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { RefuseUnreadBody } from './common/unread-body.interceptor';
import { createValidationPipe } from './common/validation';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EasyReadModule } from './easy-read/easy-read.module';
import { ExportsModule } from './exports/exports.module';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LettersModule } from './letters/letters.module';
import { ModerationModule } from './moderation/moderation.module';
import { NeedsModule } from './needs/needs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxModule } from './notifications/outbox.module';
import { PanelModule } from './panel/panel.module';
import { PaymentsModule } from './payments/payments.module';
import { ResultsModule } from './results/results.module';
import { StandstillModule } from './standstill/standstill.module';
import { OcdsModule } from './ocds/ocds.module';
import { ScoringModule } from './scoring/scoring.module';
import { OfflineModule } from './offline/offline.module';
import { AssistedModule } from './assisted/assisted.module';
import { TemplatesModule } from './templates/templates.module';
import { TendersModule } from './tenders/tenders.module';
import { UsersModule } from './users/users.module';
import { EvaluationPagesModule } from './web/evaluation/evaluation-pages.module';
import { BidderPagesModule } from './web/bidder/bidder-pages.module';
import { ClarificationPagesModule } from './web/clarifications/clarification-pages.module';
import { LetterPagesModule } from './web/letters/letter-pages.module';
import { EasyReadPagesModule } from './web/easy-read/easy-read-pages.module';
import { NeedsPagesModule } from './web/needs/needs-pages.module';
import { MessagesPagesModule } from './web/notifications/messages-pages.module';
import { PanelPagesModule } from './web/panel/panel-pages.module';
import { PaymentPagesModule } from './web/payments/payment-pages.module';
import { TeamPagesModule } from './web/team/team-pages.module';
import { OfflinePagesModule } from './web/offline/offline-pages.module';
import { AssistedPagesModule } from './web/assisted/assisted-pages.module';
import { ConflictsPagesModule } from './web/conflicts/conflicts-pages.module';
import { AfterAwardPagesModule } from './web/after-award/after-award-pages.module';
import { WebModule } from './web/web.module';

/**
 * The pipe, the problem+json filter, the auth guard and the idempotency interceptor are APP_* providers, so the e2e
 * tests (which build this module) run exactly the production pipeline.
 */
@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    DatabaseModule,
    AuditModule,
    AuditTrailModule,
    OutboxModule,
    IdempotencyModule,
    AccessModule,
    UsersModule,
    AuthModule,
    TemplatesModule,
    TendersModule,
    BidsModule,
    ClarificationsModule,
    PanelModule,
    NeedsModule,
    ScoringModule,
    AssistedModule,
    ModerationModule,
    ResultsModule,
    StandstillModule,
    OcdsModule,
    ConflictsModule,
    ExportsModule,
    PaymentsModule,
    LettersModule,
    EasyReadModule,
    OfflineModule,
    NotificationsModule,
    AssessmentSummariesModule,
    WebModule,
    PanelPagesModule,
    NeedsPagesModule,
    TeamPagesModule,
    OfflinePagesModule,
    EvaluationPagesModule,
    BidderPagesModule,
    ClarificationPagesModule,
    PaymentPagesModule,
    LetterPagesModule,
    EasyReadPagesModule,
    ConflictsPagesModule,
    MessagesPagesModule,
    AssistedPagesModule,
    AfterAwardPagesModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: RefuseUnreadBody },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    NotFoundFallback,
  ],
})
export class AppModule {}
