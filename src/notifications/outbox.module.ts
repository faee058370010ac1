import { Global, Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module';
import { ContactPreferences } from './contact-preferences';
import { Outbox } from './outbox.service';

/**
 * Global, like the audit: any feature enqueues a message in its own unit of work. It needs
 * the clock and the needs record (who may be emailed: ContactPreferences).
 */
@Global()
@Module({
  imports: [NeedsModule],
  providers: [Outbox, ContactPreferences],
  exports: [Outbox, ContactPreferences],
})
export class OutboxModule {}
