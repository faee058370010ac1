import { declaredProblems, entryNameProblem, RowCounter, sheetNamesByPart, WORKBOOK_LIMITS } from './workbook-limits';

describe('offline workbook limits (before parsing)', () => {
  it('accepts the parts of a plain workbook and folder entries', () => {
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet3.xml',
      'xl/theme/theme1.xml',
      'docProps/core.xml',
      'xl/',
    ]) {
      expect(entryNameProblem(name)).toBeNull();
    }
  });

  it('refuses macros, external links, embedded objects and paths outside the workbook', () => {
    expect(entryNameProblem('xl/vbaProject.bin')).toMatch(/macros/);
    expect(entryNameProblem('xl/externalLinks/externalLink1.xml')).toMatch(/not part of a plain workbook/);
    expect(entryNameProblem('xl/embeddings/oleObject1.bin')).toMatch(/not part of a plain workbook/);
    expect(entryNameProblem('../etc/passwd')).toMatch(/outside the workbook/);
    expect(entryNameProblem('/xl/workbook.xml')).toMatch(/outside the workbook/);
    expect(entryNameProblem('xl\\workbook.xml')).toMatch(/outside the workbook/);
  });

  it('checks the declared sizes: per part, in total, and the number of parts', () => {
    const part = (name: string, uncompressedSize: number) => ({ name, uncompressedSize });
    expect(declaredProblems([part('xl/workbook.xml', 1000)])).toEqual([]);
    expect(declaredProblems([part('xl/worksheets/sheet1.xml', WORKBOOK_LIMITS.entryBytes + 1)])).toEqual([
      { field: 'workbook:xl/worksheets/sheet1.xml', message: expect.stringMatching(/larger than 25 MB when unpacked/) },
    ]);
    const big = WORKBOOK_LIMITS.entryBytes;
    expect(declaredProblems([part('xl/worksheets/sheet1.xml', big), part('xl/worksheets/sheet2.xml', big)])).toEqual([
      { field: 'workbook', message: expect.stringMatching(/larger than 40 MB/) },
    ]);
    const many = Array.from({ length: WORKBOOK_LIMITS.entries + 1 }, (_, i) => part(`xl/worksheets/sheet${i}.xml`, 1));
    expect(declaredProblems(many)).toEqual([
      { field: 'workbook', message: expect.stringMatching(/41 parts; a workbook has at most 40/) },
    ]);
  });

  it('counts rows across chunk boundaries, prefixed or not, never <rowBreaks> or <rows>', () => {
    const counter = new RowCounter();
    const xml = '<sheetData><row r="1"/><row r="2"><c/></row><x:row r="3">' + '<rowBreaks/><rows/>';
    for (let i = 0; i < xml.length; i += 3) counter.push(Buffer.from(xml.slice(i, i + 3)));
    expect(counter.count).toBe(3);
  });

  it('names sheets from workbook.xml and its relationships', () => {
    const names = sheetNamesByPart(
      '<sheets><sheet name="About" sheetId="1" r:id="rId1"/><sheet name="Scores &amp; reasons" sheetId="2" r:id="rId2"/></sheets>',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    );
    expect(names).toEqual(
      new Map([
        ['xl/worksheets/sheet1.xml', 'About'],
        ['xl/worksheets/sheet2.xml', 'Scores & reasons'],
      ]),
    );
  });
});
