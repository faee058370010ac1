import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PanelModule } from '../panel/panel.module';
import { FinanceExportService } from './finance-export.service';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payment for involvement (issue 17 part 6): rates, lay members' ledgers, approvals, the member's choice, the finance CSV. */
@Module({
  imports: [AccessModule, PanelModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, FinanceExportService],
  exports: [PaymentsService, FinanceExportService],
})
export class PaymentsModule {}
