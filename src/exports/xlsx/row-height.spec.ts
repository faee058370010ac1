import { rowHeightPoints, wrappedLines } from './row-height';

describe('row heights for printing', () => {
  it('keeps short text on one line', () => {
    expect(wrappedLines('Agreed 3.', 30)).toBe(1);
  });

  it('wraps at spaces: 30 wide holds 29 characters a line', () => {
    // Ten words of 4 (49 characters): 6 words (29 characters) a line → 2 lines.
    expect(wrappedLines(Array(10).fill('aaaa').join(' '), 30)).toBe(2);
  });

  it('counts each paragraph, and an empty one, as lines of their own', () => {
    expect(wrappedLines('one\n\ntwo', 30)).toBe(3);
  });

  it('breaks a word longer than a line', () => {
    expect(wrappedLines('x'.repeat(60), 30)).toBe(3); // 29 + 29 + 2
  });

  it('gives bold and larger text fewer characters a line', () => {
    const text = Array(10).fill('aaaa').join(' ');
    // 26 wide: 25 characters a line (5 words, 2 lines); bold 22 (4 words, 3 lines).
    expect(wrappedLines(text, 26, { bold: true })).toBeGreaterThan(wrappedLines(text, 26));
    expect(wrappedLines(text, 30, { size: 16 })).toBeGreaterThan(wrappedLines(text, 30));
  });

  it('turns lines into points, capped at the largest row a spreadsheet allows', () => {
    expect(rowHeightPoints(1)).toBe(18);
    expect(rowHeightPoints(4)).toBe(63);
    expect(rowHeightPoints(1, 16)).toBe(25);
    expect(rowHeightPoints(100)).toBe(409);
  });
});
