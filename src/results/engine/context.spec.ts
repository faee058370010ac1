/**
 * Input the engine refuses: contradictions that can only come from a bug in whoever
 * built the input. Each is refused with a message naming what is wrong.
 */
import { EngineInputError } from './context';
import { computeResults } from './engine';
import { bid, buildInput, criterion, moderated, panel, scores } from './testing/builders';
import { EngineInput } from './types';

function valid(): EngineInput {
  return buildInput({
    criteria: [
      criterion('S1', 'section', 60, { order: 1 }),
      criterion('Q1', 'scored', 60, { parent: 'S1' }),
      criterion('G1', 'pass_fail', 0, { order: 2 }),
      criterion('P', 'price', 40, { order: 3 }),
    ],
    panelists: panel(1, 1),
    bids: [bid('A', 100), bid('B', 200)],
    individualScores: scores('A', 'Q1', { le1: 3, pro1: 4 }),
    moderatedScores: [moderated('A', 'Q1', 3)],
  });
}

function refused(change: (input: EngineInput) => void, message: RegExp) {
  const input = valid();
  change(input);
  expect(() => computeResults(input)).toThrow(EngineInputError);
  expect(() => computeResults(input)).toThrow(message);
}

describe('engine input checks', () => {
  it('accepts the valid input', () => {
    expect(computeResults(valid()).bids).toHaveLength(2);
  });

  it('refuses a scale that is not integers with min < max', () => {
    refused((i) => (i.scale = { min: 5, max: 5 }), /Scale 5–5/);
    refused((i) => (i.scale = { min: 0, max: 4.5 }), /Scale/);
  });

  it('refuses settings that are not non-negative integers (hundredths)', () => {
    refused((i) => (i.settings.divergenceThresholdHundredths = 1.5), /divergenceThresholdHundredths/);
    refused((i) => (i.settings.minScorers = -1), /minScorers/);
  });

  it('refuses a criteria list that is not one tree', () => {
    refused((i) => (i.criteria[1].parentId = 'c-nowhere'), /not reachable from the root: Q1/);
    refused((i) => (i.criteria[0].parentId = 'c-Q1'), /not reachable/); // S1 ↔ Q1 cycle
    refused((i) => i.criteria.push({ ...i.criteria[1] }), /Criterion Q1 twice/);
    refused((i) => (i.criteria[3].parentId = 'c-Q1'), /cannot have children/);
  });

  it('refuses a second price leaf, a mislabelled price leaf and bad weights', () => {
    refused((i) => i.criteria.push(criterion('P2', 'price', 0)), /More than one price leaf/);
    refused((i) => (i.criteria[3].category = 'quality'), /category price/);
    refused((i) => (i.criteria[1].weightHundredths = 60.5), /weight/);
  });

  it('refuses group weights not keyed exactly by scoredBy, and 3-decimal thresholds', () => {
    refused((i) => (i.criteria[1].groupWeights = { lived_experience: 100 }), /group weights/);
    refused((i) => (i.criteria[1].scoredBy = []), /nobody scores it/);
    refused((i) => (i.criteria[1].threshold = 2.125), /more than 2 decimals/);
  });

  it('refuses scores for unknown bids, non-scored leaves, unknown panelists, or off the scale', () => {
    refused((i) => i.individualScores.push(...scores('Z', 'Q1', { le1: 3 })), /unknown bid bid-Z/);
    refused((i) => i.individualScores.push(...scores('B', 'P', { le1: 3 })), /c-P is not a scored leaf/);
    refused((i) => i.individualScores.push(...scores('B', 'Q1', { ghost: 3 })), /unknown panelist ghost/);
    refused((i) => i.individualScores.push(...scores('B', 'Q1', { le1: 6 })), /score 6 is not an integer/);
    refused((i) => i.individualScores.push(...scores('A', 'Q1', { le1: 2.5 })), /score 2.5/);
    refused((i) => i.moderatedScores.push(moderated('B', 'Q1', -1)), /score -1/);
  });

  it('refuses two submitted scores by one panelist on one cell, and two moderated scores', () => {
    refused((i) => i.individualScores.push(...scores('A', 'Q1', { le1: 5 })), /Two submitted scores by le1/);
    refused((i) => i.moderatedScores.push(moderated('A', 'Q1', 4)), /Moderated score twice/);
  });

  it('ignores drafts entirely, whatever they hold', () => {
    const input = valid();
    input.individualScores.push(...scores('A', 'Q1', { le1: 99 }, false));
    expect(() => computeResults(input)).not.toThrow();
  });

  it('refuses bad bids: duplicate ids, non-positive prices, unknown gates and panelists', () => {
    refused((i) => i.bids.push(bid('A', 5)), /Bid bid-A twice/);
    refused((i) => (i.bids[0].pricePence = 0n), /positive integer of pence/);
    refused((i) => (i.bids[0].pricePence = 10.5), /positive integer of pence/);
    refused((i) => (i.bids[0].compliance = [{ criterionId: 'c-Q1', passed: true }]), /non-gate/);
    refused(
      (i) =>
        (i.bids[0].compliance = [
          { criterionId: 'c-G1', passed: true },
          { criterionId: 'c-G1', passed: false },
        ]),
      /two compliance records/,
    );
    refused((i) => (i.bids[0].conflicts = ['ghost']), /unknown panelist ghost/);
    refused((i) => i.panelists.push({ id: 'le1', group: 'professional' }), /Panelist le1 twice/);
  });
});
