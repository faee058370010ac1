import { Module } from '@nestjs/common';
import { PaymentsModule } from '../../payments/payments.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { PaymentMemberPagesController } from './payment-member-pages.controller';
import { PaymentTeamPagesController } from './payment-team-pages.controller';

/** The payment pages: the team's (/tenders/:id/payments…) and the lay member's own (/panel/:id/payment). */
@Module({
  imports: [WebModule, TendersModule, PaymentsModule],
  controllers: [PaymentTeamPagesController, PaymentMemberPagesController],
})
export class PaymentPagesModule {}
