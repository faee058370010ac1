import { Module } from '@nestjs/common';
import { TenderAccess } from './tender-access.service';

/**
 * Who may see what on a tender (the policy in access-rules.ts, loaded by TenderAccess). Not
 * global: every feature that asks imports it, so its dependents show in their modules.
 */
@Module({ providers: [TenderAccess], exports: [TenderAccess] })
export class AccessModule {}
