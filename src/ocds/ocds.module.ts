import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ResultsModule } from '../results/results.module';
import { OcdsController } from './ocds.controller';
import { OcdsService } from './ocds.service';

/** Open data: the tender's OCDS release packages (UK profile), from the evaluation read model. */
@Module({
  imports: [ResultsModule, AccessModule],
  controllers: [OcdsController],
  providers: [OcdsService],
  exports: [OcdsService],
})
export class OcdsModule {}
