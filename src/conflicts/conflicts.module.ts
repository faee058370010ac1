import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { PanelModule } from '../panel/panel.module';
import { TendersModule } from '../tenders/tenders.module';
import { ConflictRegisterReader } from './conflict-register-reader';
import { ConflictsController } from './conflicts.controller';
import { ConflictsService } from './conflicts.service';

/** The conflicts assessment (ss.81–83): the append-only declarations register, mitigations, reviews, the document. */
@Module({
  imports: [AccessModule, AuditModule, PanelModule, TendersModule],
  controllers: [ConflictsController],
  providers: [ConflictsService, ConflictRegisterReader],
  exports: [ConflictsService],
})
export class ConflictsModule {}
