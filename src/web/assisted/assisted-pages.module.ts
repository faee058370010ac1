import { Module } from '@nestjs/common';
import { AssistedModule } from '../../assisted/assisted.module';
import { BidsModule } from '../../bids/bids.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { AssistedPagesController } from './assisted-pages.controller';
import { EnteredForYouPagesController } from './entered-for-you-pages.controller';

/** Assisted scoring's pages (docs/PANEL.md "Assisted scoring"). */
@Module({
  imports: [WebModule, AssistedModule, BidsModule, ScoringModule, TendersModule],
  controllers: [AssistedPagesController, EnteredForYouPagesController],
})
export class AssistedPagesModule {}
