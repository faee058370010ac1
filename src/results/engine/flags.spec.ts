/**
 * SCORING.md §7: divergence, group divergence and quorum, shown and never acted on.
 * Q1 quality 100 %, scale 0–5, mean, moderation not required unless stated.
 */
import { computeResults } from './engine';
import { bid, bidOf, buildInput, criterion, moderated, panel, scores } from './testing/builders';
import { EngineSettings, PanelGroup } from './types';

function flagsOf(
  byPanelist: Record<string, number>,
  settings: Partial<EngineSettings> = {},
  scoredBy: PanelGroup[] = ['lived_experience', 'professional'],
) {
  const input = buildInput({
    settings: { moderationRequired: false, ...settings },
    criteria: [criterion('Q1', 'scored', 100, { scoredBy })],
    panelists: panel(3, 3),
    bids: [bid('A', 100)],
    individualScores: scores('A', 'Q1', byPanelist),
  });
  return bidOf(computeResults(input), 'A').flags.map((flag) => flag.type);
}

describe('flags (§7)', () => {
  it('divergence: highest − lowest ≥ the threshold, equality included', () => {
    expect(flagsOf({ le1: 3, pro1: 5 })).toEqual(['divergence', 'group_divergence']); // 2 ≥ 2
    expect(flagsOf({ le1: 3, le2: 4, pro1: 4 })).toEqual([]); // 1 < 2
  });

  it('honours a threshold with decimals: 1.5 points (150 hundredths)', () => {
    const threshold = { divergenceThresholdHundredths: 150 };
    expect(flagsOf({ le1: 3, le2: 4, pro1: 4 }, threshold)).toEqual([]); // spread 1
    expect(flagsOf({ le1: 2, le2: 4, pro1: 3 }, threshold)).toEqual(['divergence']); // spread 2; means 3 vs 3
  });

  it('divergence needs two scores: a single score never diverges, even at threshold 0', () => {
    expect(flagsOf({ le1: 4 }, { divergenceThresholdHundredths: 0, minScorers: 1 })).toEqual([]);
  });

  it('group divergence compares the two group means', () => {
    // Lived 5, 4 (4.5) vs professional 3, 2 (2.5): 2 ≥ 2. Spread 3 → divergence too.
    expect(flagsOf({ le1: 5, le2: 4, pro1: 3, pro2: 2 })).toEqual(['divergence', 'group_divergence']);
    // Lived 5, 5, 3 (13/3) vs professional 3, 3 (3): 4/3 < 2 → only the spread of 2 flags.
    expect(flagsOf({ le1: 5, le2: 5, le3: 3, pro1: 3, pro2: 3 })).toEqual(['divergence']);
  });

  it('quorum: fewer submitted usable scores than minScorers', () => {
    expect(flagsOf({ le1: 4, pro1: 4 }, { minScorers: 3 })).toEqual(['quorum_not_met']);
    expect(flagsOf({ le1: 4, le2: 4, pro1: 4 }, { minScorers: 3 })).toEqual([]);
  });

  it('quorum: no lived-experience score on a criterion that group scores', () => {
    expect(flagsOf({ pro1: 4, pro2: 4 })).toEqual(['quorum_not_met']);
    // Not when lived experience is not asked to score it.
    expect(flagsOf({ pro1: 4, pro2: 4 }, {}, ['professional'])).toEqual([]);
  });

  it('counts drafts for nothing', () => {
    const input = buildInput({
      criteria: [criterion('Q1', 'scored', 100)],
      panelists: panel(1, 1),
      bids: [bid('A', 100)],
      individualScores: [...scores('A', 'Q1', { le1: 4 }), ...scores('A', 'Q1', { pro1: 0 }, false)],
      settings: { moderationRequired: false },
    });
    const a = bidOf(computeResults(input), 'A');
    expect(a.flags).toEqual([{ type: 'quorum_not_met', criterion: 'Q1' }]); // 1 submitted < 2
    expect(a.criteria[0].score?.toFixedString(2)).toBe('4.00');
  });

  it('keeps the panel’s flags beside a moderated score: they are part of the record', () => {
    const input = buildInput({
      criteria: [criterion('Q1', 'scored', 100)],
      panelists: panel(1, 1),
      bids: [bid('A', 100)],
      individualScores: scores('A', 'Q1', { le1: 5, pro1: 1 }),
      moderatedScores: [moderated('A', 'Q1', 3)],
    });
    const a = bidOf(computeResults(input), 'A');
    expect(a.criteria[0].source).toBe('moderated');
    expect(a.flags.map((f) => f.type)).toEqual(['divergence', 'group_divergence']);
  });
});
