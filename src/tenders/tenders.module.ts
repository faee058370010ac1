import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { BidsModule } from '../bids/bids.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { TemplatesModule } from '../templates/templates.module';
import { TenderClosing } from './tender-closing.service';
import { TendersController } from './tenders.controller';
import { TendersService } from './tenders.service';

@Module({
  imports: [CriteriaModule, TemplatesModule, AccessModule, BidsModule],
  controllers: [TendersController],
  // SubmittedBidCounter comes from the bids module.
  providers: [TendersService, TenderClosing],
  exports: [TendersService, TenderClosing],
})
export class TendersModule {}
