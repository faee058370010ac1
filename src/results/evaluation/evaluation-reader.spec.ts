import { parseEntries } from './evaluation-reader';

describe('parseEntries (the grouped score cells of EvaluationReader.read)', () => {
  const parse = (text: string) => {
    const entries: [number, number, boolean][] = [];
    parseEntries(text, (joinOrder, score, submitted) => entries.push([joinOrder, score, submitted]));
    return entries;
  };

  it('reads joinOrder, score and the submitted flag of every entry', () => {
    expect(parse('3 4 1,12 0 0,7 5 1')).toEqual([
      [3, 4, true],
      [12, 0, false],
      [7, 5, true],
    ]);
  });

  it('reads a single entry and negative scores (a scale may start below zero)', () => {
    expect(parse('1 -2 1')).toEqual([[1, -2, true]]);
    expect(parse('10 -10 0,2 3 1')).toEqual([
      [10, -10, false],
      [2, 3, true],
    ]);
  });

  it('refuses text it did not write', () => {
    expect(() => parse('')).toThrow('Malformed score entries');
    expect(() => parse('3 4')).toThrow('Malformed score entries: "3 4"');
    expect(() => parse('3 4 1;5 2 1')).toThrow('Malformed score entries');
    expect(() => parse('3 4 1 9')).toThrow('Malformed score entries');
  });
});
