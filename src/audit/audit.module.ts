import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/**
 * Global: every feature writes its trail through AuditService (infrastructure, like the
 * database). It imports no feature; reading a tender's trail is `audit-trail/`'s.
 */
@Global()
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
