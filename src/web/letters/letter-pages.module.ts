import { Module } from '@nestjs/common';
import { AccessModule } from '../../access/access.module';
import { LettersModule } from '../../letters/letters.module';
import { TendersModule } from '../../tenders/tenders.module';
import { WebModule } from '../web.module';
import { LetterPagesController } from './letter-pages.controller';

/** The team's print actions for letters and scoring packs (docs/PANEL.md "Letters and scoring packs"). */
@Module({
  imports: [AccessModule, TendersModule, WebModule, LettersModule],
  controllers: [LetterPagesController],
})
export class LetterPagesModule {}
