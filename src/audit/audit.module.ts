import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { TenderAuditTrailService } from './tender-audit-trail.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, TenderAuditTrailService],
  exports: [AuditService, TenderAuditTrailService],
})
export class AuditModule {}
