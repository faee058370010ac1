import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { TenderAuditTrailService } from './tender-audit-trail.service';
import { TenderStateCache } from './tender-state-cache';

/** Global: every feature writes its trail through AuditService (infrastructure, like the database). */
@Global()
@Module({
  imports: [AccessModule],
  controllers: [AuditController],
  providers: [AuditService, TenderAuditTrailService, TenderStateCache],
  exports: [AuditService, TenderAuditTrailService, TenderStateCache],
})
export class AuditModule {}
