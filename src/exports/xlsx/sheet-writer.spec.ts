import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addSheet, BOLD, styled } from './sheet-writer';

/** Writes one sheet with the house setup and returns its XML and the workbook's. */
async function written(rows: (string | number)[][]): Promise<{ sheet: string; book: string }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => output.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  const sheet = addSheet(workbook, {
    name: 'Scores',
    columns: [
      { header: 'Bid', width: 10 },
      { header: 'Counted panel scores', width: 9, wrap: true },
      { header: 'Rationale', width: 30, wrap: true },
    ],
    freezeColumns: 1,
    reference: 'REF-1',
    title: 'A tender',
  });
  await sheet.header();
  for (const row of rows) await sheet.add(row);
  await sheet.add([styled('A heading', { ...BOLD, font: { bold: true, size: 16 } })]);
  sheet.finish();
  await workbook.commit();
  await done;
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  return {
    sheet: await zip.file('xl/worksheets/sheet1.xml')!.async('string'),
    book: await zip.file('xl/workbook.xml')!.async('string'),
  };
}

describe('a sheet prints legibly', () => {
  it('gives the header, each row with wrapped text and a large heading the height their text needs; other rows keep the default', async () => {
    const { sheet } = await written([
      ['Bid 1', 3, 'Short.'],
      ['Bid 2', 3, 'A rationale long enough to need three lines in a thirty-wide column, at least.'],
    ]);
    const row = (n: number) => new RegExp(`<row r="${n}"[^>]*>`).exec(sheet)?.[0] ?? '';
    // "Counted panel scores", bold, 9 wide (5 characters a line): "Counted" breaks over two lines,
    // "panel" and "scores" (broken) three more: five lines → 5 × 15 + 3.
    expect(row(1)).toMatch(/ht="78" customHeight="1"/);
    expect(row(2)).not.toMatch(/ht=/);
    // 79 characters at 24 a line, wrapped at spaces: 4 lines → 4 × 15 + 3.
    expect(row(3)).toMatch(/ht="63" customHeight="1"/);
    expect(row(4)).toMatch(/ht="25" customHeight="1"/);
  });

  it('sets the print area to what was written, and repeats the header row and the frozen columns on every page', async () => {
    const { book } = await written([['Bid 1', 3, 'Short.']]);
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">\'Scores\'!$A$1:$C$3</definedName>'.replace(/'/g, '&apos;'),
    );
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">\'Scores\'!$A:$A,\'Scores\'!$1:$1</definedName>'.replace(
        /'/g,
        '&apos;',
      ),
    );
  });
});
