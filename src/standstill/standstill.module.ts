import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RetentionController, StandstillController } from './standstill.controller';
import { StandstillService } from './standstill.service';

/** After the award: standstill, challenges, entering into the contract, termination notice. */
@Module({
  imports: [AccessModule, AuditModule],
  controllers: [RetentionController, StandstillController],
  providers: [StandstillService],
  exports: [StandstillService],
})
export class StandstillModule {}
