import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { TenderStateCache } from './tender-state-cache';

/**
 * Global: every feature writes its trail through AuditService (infrastructure, like the
 * database). It imports no feature; reading a tender's trail is `audit-trail/`'s.
 */
@Global()
@Module({
  providers: [AuditService, TenderStateCache],
  exports: [AuditService, TenderStateCache],
})
export class AuditModule {}
