import { panelStatistics, type EngineInput } from '../engine';
import { cellKey, type RecordScore } from './evaluation-record';
import { checkAgainstPlan, orderScores, planScoreCells, usableMembers, type ScoreOrder } from './score-rows';

// One bid, two criteria; L1, L2 lived experience, P1, P2 professional. L2 declared a
// conflict; P2 left a draft on C2; C2 is scored by professionals only... and L1 scored it anyway.
const input: EngineInput = {
  scale: { min: 0, max: 5 },
  settings: {
    aggregation: 'mean',
    moderationRequired: false,
    priceFormula: 'lowest_ratio',
    tieBreak: 'none',
    divergenceThresholdHundredths: 200,
    minScorers: 2,
    abnormallyLowRatioHundredths: 80,
  },
  criteria: [
    {
      id: 'c1',
      code: 'C1',
      title: 'One',
      parentId: null,
      kind: 'scored',
      category: 'quality',
      weightHundredths: 5000,
      threshold: null,
      scoredBy: ['lived_experience', 'professional'],
      groupWeights: null,
      order: 0,
    },
    {
      id: 'c2',
      code: 'C2',
      title: 'Two',
      parentId: null,
      kind: 'scored',
      category: 'quality',
      weightHundredths: 5000,
      threshold: null,
      scoredBy: ['professional'],
      groupWeights: null,
      order: 1,
    },
  ],
  panelists: [
    { id: 'P1', group: 'professional' },
    { id: 'L1', group: 'lived_experience' },
    { id: 'L2', group: 'lived_experience' },
    { id: 'P2', group: 'professional' },
  ],
  bids: [{ id: 'b', bidderName: 'B', status: 'submitted', pricePence: 100, compliance: [], conflicts: ['L2'] }],
  individualScores: [
    { bidId: 'b', criterionId: 'c1', panelistId: 'P1', score: 3, submitted: true },
    { bidId: 'b', criterionId: 'c1', panelistId: 'L2', score: 1, submitted: true },
    { bidId: 'b', criterionId: 'c1', panelistId: 'L1', score: 4, submitted: true },
    { bidId: 'b', criterionId: 'c1', panelistId: 'P2', score: 2, submitted: true },
    { bidId: 'b', criterionId: 'c2', panelistId: 'P2', score: 5, submitted: false },
    { bidId: 'b', criterionId: 'c2', panelistId: 'L1', score: 4, submitted: true },
    { bidId: 'b', criterionId: 'c2', panelistId: 'P1', score: 2, submitted: true },
  ],
  moderatedScores: [],
};

const statistics = new Map(panelStatistics(input).map((cell) => [cellKey(cell.bidId, cell.criterionId), cell]));
const order: ScoreOrder = {
  bidIds: ['b'],
  criterionIds: ['c1', 'c2'],
  memberOrder: new Map(['L1', 'L2', 'P1', 'P2'].map((id, index) => [id, index])),
  groupOf: new Map(input.panelists.map((panelist) => [panelist.id, panelist.group])),
  conflicts: new Set(['L2|b']),
  usable: usableMembers(statistics),
};
const rows = (): RecordScore[] =>
  input.individualScores.map((entry, index) => ({
    id: `s${index}`,
    bidId: entry.bidId,
    criterionId: entry.criterionId,
    memberId: entry.panelistId,
    score: entry.score,
    rationale: `because ${index}`,
    status: entry.submitted ? 'submitted' : 'draft',
    savedAt: new Date(0),
    submittedAt: null,
    notCounted: null,
  }));

describe('score rows', () => {
  it('order each cell: counted scores by group (lived experience first) and member, then the rest, each with why', () => {
    const ordered = orderScores(rows().reverse(), order);
    expect(ordered.map((row) => [row.criterionId, row.memberId, row.notCounted])).toEqual([
      ['c1', 'L1', null],
      ['c1', 'P1', null],
      ['c1', 'P2', null],
      ['c1', 'L2', 'conflict'],
      ['c2', 'P1', null],
      ['c2', 'L1', 'group_not_asked'],
      ['c2', 'P2', 'draft'],
    ]);
  });

  it('plan the same layout from the engine input alone, with per-member tallies', () => {
    const { cells, tallies } = planScoreCells(input, order);
    expect(cells).toEqual([
      { bidId: 'b', criterionId: 'c1', total: 4, counted: { lived_experience: 1, professional: 2 } },
      { bidId: 'b', criterionId: 'c2', total: 3, counted: { professional: 1 } },
    ]);
    expect(Object.fromEntries(tallies)).toEqual({
      P1: { submitted: 2, counted: 2 },
      L2: { submitted: 1, counted: 0 },
      L1: { submitted: 2, counted: 1 },
      P2: { submitted: 1, counted: 1 },
    });
    expect(() => checkAgainstPlan(orderScores(rows(), order), cells, order.groupOf)).not.toThrow();
  });

  it('refuse rows that do not match the plan: missing, extra or counted differently', () => {
    const { cells } = planScoreCells(input, order);
    const ordered = orderScores(rows(), order);
    expect(() => checkAgainstPlan(ordered.slice(1), cells, order.groupOf)).toThrow(/differ from the planned layout/);
    expect(() => checkAgainstPlan([...ordered, ordered[0]], cells, order.groupOf)).toThrow(/More score rows/);
    const recounted = ordered.map((row) => (row.memberId === 'L2' ? { ...row, notCounted: null } : row));
    expect(() => checkAgainstPlan(recounted, cells, order.groupOf)).toThrow(/Counted scores of b\|c1/);
  });
});
