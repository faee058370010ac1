import { Module } from '@nestjs/common';
import { BidsModule } from '../../bids/bids.module';
import { EasyReadModule } from '../../easy-read/easy-read.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { EasyReadBidderPagesController } from './easy-read-bidder-pages.controller';
import { EasyReadTeamPagesController } from './easy-read-team-pages.controller';

/** The easy-read pages: the team's template and summaries, the bidder's fact-check (docs/PANEL.md "Easy-read summaries"). */
@Module({
  imports: [EasyReadModule, TendersModule, BidsModule, WebModule],
  controllers: [EasyReadTeamPagesController, EasyReadBidderPagesController],
})
export class EasyReadPagesModule {}
