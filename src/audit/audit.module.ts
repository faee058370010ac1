import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { TenderAuditTrailService } from './tender-audit-trail.service';

/** Global: every feature writes its trail through AuditService (infrastructure, like the database). */
@Global()
@Module({
  imports: [AccessModule],
  controllers: [AuditController],
  providers: [AuditService, TenderAuditTrailService],
  exports: [AuditService, TenderAuditTrailService],
})
export class AuditModule {}
