import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditController } from './audit.controller';
import { TenderAuditTrailService } from './tender-audit-trail.service';

/** Reading the audit trail: a tender's for its team (redacted by stage), and the chains' checks. */
@Module({
  imports: [AccessModule],
  controllers: [AuditController],
  providers: [TenderAuditTrailService],
  exports: [TenderAuditTrailService],
})
export class AuditTrailModule {}
