import { isLetterFormat, LETTER_FORMATS, LETTER_LAYOUTS, linkLines } from './letter-formats';

describe('letter formats', () => {
  it('large print has body text of 16pt or more and more space than the standard letter', () => {
    const [standard, large] = [LETTER_LAYOUTS.standard, LETTER_LAYOUTS['large-print']];
    expect(large.bodySize).toBeGreaterThanOrEqual(16);
    expect(large.linkSize).toBeGreaterThanOrEqual(16);
    expect(large.lineGap).toBeGreaterThan(standard.lineGap);
    expect(large.paragraphGap).toBeGreaterThan(standard.paragraphGap);
    for (const format of LETTER_FORMATS) expect(LETTER_LAYOUTS[format].qrSize).toBeGreaterThanOrEqual(85); // 3 cm
  });

  it('knows its formats', () => {
    expect(isLetterFormat('large-print')).toBe(true);
    expect(isLetterFormat('LARGE')).toBe(false);
    expect(isLetterFormat(undefined)).toBe(false);
  });
});

describe('the link in lines', () => {
  const url = 'http://localhost:3000/invitation/Ab3_-xAb3_-xAb3_-xAb3_-xAb3_-xAb3_-xAb3_-xQ';

  it('puts the address on a line of its own, then pieces of the token, together the whole link', () => {
    const lines = linkLines(url, 40);
    expect(lines[0]).toBe('http://localhost:3000/invitation/');
    expect(lines.join('')).toBe(url);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('never ends a line on a dash (it would read as a hyphenated word)', () => {
    for (let width = 5; width <= 60; width++) {
      const lines = linkLines(url, width);
      expect(lines.join('')).toBe(url);
      for (const line of lines.slice(0, -1)) expect(line.endsWith('-')).toBe(false);
    }
  });
});
