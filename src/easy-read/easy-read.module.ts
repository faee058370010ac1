import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { EasyReadController } from './easy-read.controller';
import { EasyReadNotifier } from './easy-read-notifier';
import { EasyReadService } from './easy-read.service';

/** Easy-read summaries of bids, one template for all, fact-checked by each bidder (issue 17, part 5). */
@Module({
  imports: [AccessModule],
  controllers: [EasyReadController],
  providers: [EasyReadService, EasyReadNotifier],
  exports: [EasyReadService, EasyReadNotifier],
})
export class EasyReadModule {}
