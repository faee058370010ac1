import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { NeedsModule } from '../needs/needs.module';
import { PanelModule } from '../panel/panel.module';
import { LetterFormatPreference, LetterPaymentWording } from './letter-seams';
import { LettersController, PanelLettersController } from './letters.controller';
import { LettersService } from './letters.service';
import { ScoringPackService } from './scoring-pack.service';

/**
 * Printed invitation letters and paper scoring packs (docs/PANEL.md "Letters and scoring
 * packs"): large print when the member's needs say so, the tender's payment terms in words.
 */
@Module({
  imports: [AccessModule, PanelModule, CriteriaModule, NeedsModule],
  controllers: [LettersController, PanelLettersController],
  providers: [LettersService, ScoringPackService, LetterPaymentWording, LetterFormatPreference],
  exports: [LettersService, ScoringPackService],
})
export class LettersModule {}
