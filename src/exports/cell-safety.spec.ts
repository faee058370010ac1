import * as ExcelJS from 'exceljs';
import {
  csvField,
  csvRow,
  headerFooterText,
  MAX_CELL_CHARACTERS,
  neutraliseForCsv,
  startsLikeFormula,
  UTF8_BOM,
  xlsxText,
} from './cell-safety';

// OWASP "CSV Injection" payloads, and the classic DDE ones.
const HOSTILE = [
  '=HYPERLINK("http://x","click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1)',
];

describe('startsLikeFormula', () => {
  it.each(HOSTILE)('flags %j', (text) => expect(startsLikeFormula(text)).toBe(true));

  it.each(['Peer Power CIC', ' =1+1', "'=1+1", '1+1', '', '£12', 'A=B'])('leaves %j alone', (text) => {
    expect(startsLikeFormula(text)).toBe(false);
  });
});

describe('CSV', () => {
  it('prefixes formula-like text with a single quote and quotes every text field (RFC 4180)', () => {
    expect(neutraliseForCsv('=1+1')).toBe("'=1+1");
    expect(neutraliseForCsv('Plain')).toBe('Plain');
    expect(csvField('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(csvField("+cmd|' /C calc'!A0")).toBe("\"'+cmd|' /C calc'!A0\"");
    expect(csvField('line one\nline two, with "quotes"')).toBe('"line one\nline two, with ""quotes"""');
  });

  it('writes the service’s own numbers as numbers (negative ones included) and nothing for null', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });

  it('ends records with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('"a",1,\r\n');
    expect(UTF8_BOM).toBe('\uFEFF');
  });

  it('round-trips: a CSV reader gets the neutralised text back, quote prefix included', () => {
    for (const text of HOSTILE) {
      const field = csvField(text);
      const unquoted = field.slice(1, -1).replace(/""/g, '"');
      expect(unquoted).toBe(`'${text}`);
    }
  });
});

describe('xlsxText', () => {
  it('keeps text as written, formula-like or not, with line ends as LF', () => {
    for (const text of [...HOSTILE.filter((text) => !text.includes('\r')), 'Ça va — “quotes” & <tags> 😀']) {
      expect(xlsxText(text)).toBe(text);
    }
    expect(xlsxText('\r=1+1')).toBe('\n=1+1');
    expect(xlsxText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('replaces characters XML 1.0 cannot carry, and lone surrogates', () => {
    expect(xlsxText('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xlsxText('x\uD800y')).toBe('x\uFFFDy');
    expect(xlsxText('x\uDC00y')).toBe('x\uFFFDy');
    expect(xlsxText('tab\tlf\n')).toBe('tab\tlf\n');
  });

  it('cuts text longer than a cell holds, saying so, without splitting a surrogate pair', () => {
    const long = 'a'.repeat(MAX_CELL_CHARACTERS + 10);
    const cut = xlsxText(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
    expect(cut).toMatch(/evaluation\.json\]$/);
    const emoji = '😀'.repeat(MAX_CELL_CHARACTERS);
    const cutEmoji = xlsxText(emoji);
    expect(cutEmoji.length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
    expect(cutEmoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('headerFooterText', () => {
  it('doubles ampersands (a lone & starts a header control code) and keeps within the limit', () => {
    expect(headerFooterText('R&D & Co', 60)).toBe('R&&D && Co');
    expect(headerFooterText('line\nbreak', 60)).toBe('line break');
    const shortened = headerFooterText('&'.repeat(100), 11);
    expect(shortened).toBe('&&&&&&&&&&…');
    expect(headerFooterText('abcdef', 4)).toBe('abc…');
  });
});

describe('exceljs keeps strings strings (the property the xlsx writer relies on)', () => {
  it('writes formula-like and URL-like text as string cells, and only {formula} objects as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    HOSTILE.forEach((text, index) => (sheet.getCell(index + 1, 1).value = xlsxText(text)));
    sheet.getCell(1, 2).value = 'http://example.org';
    sheet.getCell(2, 2).value = { formula: '1+1', result: 2 };
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(await workbook.xlsx.writeBuffer()) as never);
    const back = reread.getWorksheet('S')!;
    HOSTILE.forEach((text, index) => {
      const cell = back.getCell(index + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(xlsxText(text));
      expect(cell.formula).toBeUndefined();
    });
    expect(back.getCell(1, 2).type).toBe(ExcelJS.ValueType.String);
    expect(back.getCell(2, 2).type).toBe(ExcelJS.ValueType.Formula);
  });
});
