import { Global, Module } from '@nestjs/common';
import { ContactPreferences } from './contact-preferences';
import { Outbox } from './outbox.service';

/**
 * Global, like the audit: any feature enqueues a message in its own unit of work. Needs
 * nothing but the clock, so it sits below every feature (no import cycles). The needs
 * record replaces ContactPreferences here at merge.
 */
@Global()
@Module({
  providers: [Outbox, ContactPreferences],
  exports: [Outbox, ContactPreferences],
})
export class OutboxModule {}
