import { Global, Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { TemplatesModule } from '../templates/templates.module';
import { TendersController } from './tenders.controller';
import { TendersService } from './tenders.service';
import { SubmittedBidCounter } from './submitted-bid-counter';

/** Until the bids feature registers its counter, no tender has bids. */
class NoBidsCounter extends SubmittedBidCounter {
  submittedCounts(): Promise<Map<string, number>> {
    return Promise.resolve(new Map());
  }
}

@Global()
@Module({
  imports: [CriteriaModule, TemplatesModule],
  controllers: [TendersController],
  providers: [TendersService, { provide: SubmittedBidCounter, useClass: NoBidsCounter }],
  exports: [TendersService, CriteriaModule],
})
export class TendersModule {}
