import { Module } from '@nestjs/common';
import { ConflictsModule } from '../../conflicts/conflicts.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { ConflictsPagesController } from './conflicts-pages.controller';

/** The team's conflicts assessment pages (docs/AFTER-AWARD.md, ss.81–83). */
@Module({
  imports: [ConflictsModule, TendersModule, WebModule],
  controllers: [ConflictsPagesController],
})
export class ConflictsPagesModule {}
