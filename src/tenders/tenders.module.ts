import { Global, Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { TemplatesModule } from '../templates/templates.module';
import { TenderClosing } from './tender-closing.service';
import { TendersController } from './tenders.controller';
import { TendersService } from './tenders.service';

@Global()
@Module({
  imports: [CriteriaModule, TemplatesModule],
  controllers: [TendersController],
  // SubmittedBidCounter comes from the (global) bids module.
  providers: [TendersService, TenderClosing],
  exports: [TendersService, CriteriaModule],
})
export class TendersModule {}
