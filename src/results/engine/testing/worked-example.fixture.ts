/**
 * The input of SCORING.md §10. The example gives bid B only moderated scores; to keep B
 * free of quorum flags (§7) it also gets two agreeing individual scores per criterion,
 * which its moderated scores override (§3.1). Moderation is not required by default
 * here, as the example scores bid A from the panel.
 */
import { EngineInput, EngineSettings } from '../types';
import { bid, buildInput, criterion, moderated, panel, scores } from './builders';

export function workedExample(settings: Partial<EngineSettings> = { moderationRequired: false }): EngineInput {
  return buildInput({
    settings,
    criteria: [
      criterion('Q1', 'scored', 40, { title: 'Quality', order: 1 }),
      criterion('C1', 'scored', 30, {
        title: 'Co-production',
        category: 'co_production',
        groupWeights: { lived_experience: 50, professional: 50 },
        order: 2,
      }),
      criterion('P', 'price', 30, { title: 'Price', order: 3 }),
    ],
    panelists: panel(2, 1),
    bids: [bid('A', 100_000), bid('B', 80_000)],
    individualScores: [
      ...scores('A', 'Q1', { le1: 4, pro1: 3 }),
      ...scores('A', 'C1', { le1: 5, le2: 4, pro1: 2 }),
      ...scores('B', 'Q1', { le1: 3, pro1: 3 }),
      ...scores('B', 'C1', { le1: 4, pro1: 4 }),
    ],
    moderatedScores: [moderated('B', 'Q1', 3), moderated('B', 'C1', 4)],
  });
}
