import {
  formulaProblems,
  identityProblems,
  planImport,
  type ImportFrame,
  type ReadRow,
  type ReadWorkbook,
} from './workbook-import-rules';
import { signatureMatches, signWorkbook, workbookKey, WORKBOOK_FORMAT } from './workbook-identity';

const frame: ImportFrame = {
  tenderId: 't1',
  memberId: 'm1',
  scale: { min: 0, max: 5 },
  scorable: new Set(['b1:c1', 'b1:c2', 'b2:c1']),
  submitted: new Set(['b2:c1']),
  bidNames: new Map([
    ['b1', 'Bid 1'],
    ['b2', 'Bid 2'],
  ]),
};
const identity = { format: WORKBOOK_FORMAT, tenderId: 't1', memberId: 'm1', signature: 'x' };
const row = (n: number, bidId: string, criterionId: string, score: ReadRow['score'], reason: string | null): ReadRow => ({
  row: n,
  bidId,
  criterionId,
  score,
  reason,
});
const read = (rows: ReadRow[], formulaCells: string[] = []): ReadWorkbook => ({ identity, rows, formulaCells });

describe('offline workbook identity', () => {
  const key = workbookKey('a-secret-of-at-least-thirty-two-characters');
  const rows = [
    { bidId: 'b1', criterionId: 'c1' },
    { bidId: 'b1', criterionId: 'c2' },
  ];

  it('signs tender, member and row keys; re-sorting rows keeps it, any change breaks it', () => {
    const signature = signWorkbook(key, identity, rows);
    expect(signatureMatches(key, { ...identity, signature }, [...rows].reverse())).toBe(true);
    expect(signatureMatches(key, { ...identity, signature }, [rows[0]])).toBe(false);
    expect(signatureMatches(key, { ...identity, memberId: 'm2', signature }, rows)).toBe(false);
    expect(signatureMatches(workbookKey('another-secret-of-at-least-thirty-two-chars'), { ...identity, signature }, rows)).toBe(
      false,
    );
    expect(signatureMatches(key, { ...identity, signature: 'not hex' }, rows)).toBe(false);
  });

  it('names the identity cell at fault: format, tender, member, then signature', () => {
    expect(identityProblems({ ...read([]), identity: null }, frame, true)[0].field).toBe('Workbook identity!B1');
    expect(identityProblems({ ...read([]), identity: { ...identity, tenderId: 't2' } }, frame, true)[0].field).toBe(
      'Workbook identity!B2',
    );
    expect(identityProblems({ ...read([]), identity: { ...identity, memberId: 'm2' } }, frame, true)[0].field).toBe(
      'Workbook identity!B3',
    );
    expect(identityProblems(read([]), frame, false)[0].field).toBe('Workbook identity!B4');
    expect(identityProblems(read([]), frame, true)).toEqual([]);
  });

  it('refuses every formula by its sheet and cell', () => {
    expect(formulaProblems(read([], ['Scores!F3', 'About!B2']))).toEqual([
      { field: 'Scores!F3', message: expect.stringMatching(/^Scores!F3 holds a formula/) },
      { field: 'About!B2', message: expect.stringMatching(/formula/) },
    ]);
  });
});

describe('planning an import', () => {
  it('keeps filled rows (numbers or whole-number text), skips empty ones, trims reasons', () => {
    const plan = planImport(
      read([row(2, 'b1', 'c1', 4, '  Good plan. '), row(3, 'b1', 'c2', ' 0 ', 'None.'), row(4, 'b2', 'c1', null, null)]),
      frame,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.submitted).toEqual([]);
    expect(plan.scores.map((s) => [s.scoreCell, s.score, s.reason])).toEqual([
      ['Scores!F2', 4, 'Good plan.'],
      ['Scores!F3', 0, 'None.'],
    ]);
  });

  it('names each cell: off the scale, not whole, empty score, empty or too long reason, a pair not scored', () => {
    const plan = planImport(
      read([
        row(2, 'b1', 'c1', 6, 'Too high.'),
        row(3, 'b1', 'c2', 2.5, 'Half.'),
        row(4, 'b1', 'c1', 'good', 'Words.'),
        row(5, 'b1', 'c2', null, 'A reason alone.'),
        row(6, 'b1', 'c1', 3, '   '),
        row(7, 'b1', 'c2', 3, 'x'.repeat(10_001)),
        row(8, 'b9', 'c1', 3, 'Unknown bid.'),
      ]),
      frame,
    );
    expect(plan.scores).toEqual([]);
    expect(plan.problems.map((p) => p.field)).toEqual([
      'Scores!F2',
      'Scores!F3',
      'Scores!F4',
      'Scores!F5',
      'Scores!G6',
      'Scores!G7',
      'Scores!A8',
    ]);
    expect(plan.problems[0].message).toBe('Scores!F2 must be a whole number from 0 to 5: choose one from the list.');
  });

  it('lists a row the member already submitted apart (the 409)', () => {
    const plan = planImport(read([row(2, 'b2', 'c1', 3, 'Again.')]), frame);
    expect(plan.submitted).toEqual([
      { field: 'Scores!F2', message: expect.stringMatching(/scores for Bid 2 were already submitted/) },
    ]);
  });
});
