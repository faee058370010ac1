import { Global, Module } from '@nestjs/common';
import { TenderAccess } from './tender-access.service';

@Global()
@Module({ providers: [TenderAccess], exports: [TenderAccess] })
export class AccessModule {}
