import * as ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../app';
import { download } from './download';
import { evaluationWorld, HOSTILE, type ExportWorld } from './evaluation-world';
import { recalculateInLibreOffice, roundDecimalString } from './libreoffice';

// A whole tender through the API, then LibreOffice (about 5 s): give it room.
jest.setTimeout(120_000);

interface ResultBid {
  bidId: string;
  bidderName: string;
  rank: number | null;
  eligible: boolean;
  total: number;
  byCategory: Record<string, number>;
  criteria: { code: string; score: number | null; weighted: number | null; source: string }[];
  flags: { type: string; criterion: string | null }[];
}

const SUBTOTAL_COLUMNS = [
  ['Quality', 'quality'],
  ['Co-production', 'co_production'],
  ['Social outcome', 'social_outcome'],
  ['Economic outcome', 'economic_outcome'],
  ['Environmental outcome', 'environmental_outcome'],
  ['Wider outcomes', 'wider_outcomes'],
  ['Price score', 'price'],
  ['Total', 'total'],
] as const;

describe('the evaluation matrix (xlsx)', () => {
  let t: TestApp;
  let world: ExportWorld;
  let results: { complete: boolean; bids: ResultBid[] };
  let file: Buffer;
  let labels: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    world = await evaluationWorld(t);
    const response = await t.http().get(`/api/tenders/${world.tenderId}/results`).set(world.procurement.auth);
    expect(response.status).toBe(200);
    results = response.body;
    const downloaded = await download(t, world.procurement, world.tenderId, 'evaluation-matrix.xlsx');
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="${world.reference.replace('&', '-')}-evaluation-matrix.xlsx"`,
    );
    expect(downloaded.headers['cache-control']).toBe('no-store');
    file = downloaded.body;
    const json = await download(t, world.procurement, world.tenderId, 'evaluation.json');
    labels = new Map(
      JSON.parse(json.body.toString('utf8')).bids.map((bid: { id: string; label: string }) => [bid.id, bid.label]),
    );
  });
  afterAll(() => t.close());

  it('recalculated from scratch by LibreOffice, gives every total, subtotal, score and price score of GET /results', () => {
    const started = Date.now();
    const sheets = recalculateInLibreOffice(file);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    expect([...sheets.keys()].sort((a, b) => a.localeCompare(b))).toEqual(
      [
        'Clarifications',
        'Commitments',
        'Compliance',
        'Cover',
        'Criteria',
        'Matrix',
        'Moderation',
        'Panel',
        'Price',
        'Robustness',
        'Scores',
        'Summary',
      ].sort((a, b) => a.localeCompare(b)),
    );
    for (const [name, rows] of sheets) {
      for (const row of rows)
        for (const cell of row) expect(`${name}: ${cell}`).not.toMatch(/: (#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|Err:\d+)$/);
    }

    // Summary: one row per bid, in results order, every subtotal and the total as /results says.
    const summary = sheets.get('Summary')!;
    const header = summary[0];
    const column = (name: string) => header.indexOf(name);
    expect(summary.slice(1).map((row) => row[column('Bidder')])).toEqual(results.bids.map((bid) => bid.bidderName));
    for (const [index, bid] of results.bids.entries()) {
      const row = summary[index + 1];
      expect(row[column('Rank')]).toBe(bid.rank === null ? '' : String(bid.rank));
      expect(row[column('Eligible')]).toBe(bid.eligible ? 'Yes' : 'No');
      for (const [label, key] of SUBTOTAL_COLUMNS) {
        const expected = key === 'total' ? bid.total : bid.byCategory[key];
        expect({ bid: bid.bidderName, label, value: Number(row[column(label)]) }).toEqual({
          bid: bid.bidderName,
          label,
          value: expected,
        });
      }
    }

    // Matrix: each criterion's score and weighted score, recalculated, rounded as /results rounds.
    const matrix = sheets.get('Matrix')!;
    for (const bid of results.bids) {
      const scoreColumn = matrix[0].findIndex((cell) => cell.startsWith(`${labels.get(bid.bidId)}: `));
      expect(matrix[0][scoreColumn]).toBe(`${labels.get(bid.bidId)}: ${bid.bidderName}`);
      for (const criterion of bid.criteria) {
        const row = matrix.find((cells) => cells[0] === criterion.code)!;
        const shown = (text: string) => (text === '' ? null : roundDecimalString(text));
        expect({ code: criterion.code, score: shown(row[scoreColumn]), weighted: shown(row[scoreColumn + 1]) }).toEqual({
          code: criterion.code,
          score: criterion.score,
          weighted: criterion.weighted,
        });
      }
      const total = matrix.find((cells) => cells[1] === 'Total')!;
      expect(Number(total[scoreColumn + 1])).toBe(bid.total);
    }

    // Price: the live formula among eligible bids; an ineligible bid's price score blank (SCORING.md §5).
    const price = sheets.get('Price')!;
    const priceHeader = price.findIndex((row) => row[0] === 'Bid');
    for (const bid of results.bids) {
      const row = price.slice(priceHeader + 1).find((cells) => cells[0] === labels.get(bid.bidId))!;
      const weighted = bid.criteria.find((criterion) => criterion.code === 'P')!.weighted;
      expect(row[5] === '' ? null : roundDecimalString(row[5])).toBe(weighted);
      expect(row[6]).toBe(bid.flags.some((flag) => flag.type === 'abnormally_low_price') ? 'Abnormally low' : '');
    }

    // Robustness (SCORING.md §11): each runner-up's margin, recalculated from the Matrix totals, and the
    // size of its smallest change, as /results states them.
    const robustness = sheets.get('Robustness')!;
    const robustnessHeader = robustness.findIndex((row) => row[0] === 'Runner-up');
    const runnersUp = (results as unknown as { robustness: { runnersUp: RunnerUp[] } }).robustness.runnersUp;
    expect(runnersUp.length).toBeGreaterThan(0);
    for (const [index, entry] of runnersUp.entries()) {
      const row = robustness[robustnessHeader + 1 + index];
      expect(row[0]).toBe(results.bids.find((bid) => bid.bidId === entry.runnerUpBidId)!.bidderName);
      expect(roundDecimalString(row[4])).toBe(entry.margin);
      if (entry.smallestMarkChange) expect(roundDecimalString(row[10])).toBe(entry.smallestMarkChange.change);
    }

    // An exact half at the third decimal (63.275, held in binary as 63.27499…) still rounds up.
    const peerPower = results.bids.find((bid) => bid.bidderName === 'Peer Power CIC')!;
    expect(peerPower.total).toBe(63.28);
    expect(peerPower.byCategory.economic_outcome).toBe(2.63);
    const failsGate = results.bids.find((bid) => bid.bidId === world.bidIds.failsGate)!;
    expect(failsGate).toMatchObject({ eligible: false, rank: null });
    expect(failsGate.byCategory.price).toBe(0);

    // Text people wrote came back as text, never run: no "click" from the HYPERLINK anywhere.
    const everything = [...sheets.values()].flat(2);
    expect(everything).not.toContain('click');
    expect(summary.map((row) => row[column('Bidder')])).toContain(HOSTILE.bidderName);
    expect(matrix[0]).toContain(`${labels.get(world.bidIds.hostile)}: ${HOSTILE.bidderName}`);
    const commitments = sheets.get('Commitments')!;
    expect(commitments.find((row) => row[3] === HOSTILE.dde)).toBeDefined();
    expect(commitments.find((row) => row[4] === HOSTILE.at)).toBeDefined();
    expect(commitments.find((row) => row[4] === HOSTILE.minus)).toBeDefined();
    expect(sheets.get('Scores')!.some((row) => row.includes('=1+1 4'))).toBe(true);
    expect(sheets.get('Panel')!.some((row) => row.includes(HOSTILE.role))).toBe(true);
    expect(sheets.get('Criteria')!.some((row) => row[1] === '-Local employment (=jobs for residents)')).toBe(true);
    expect(sheets.get('Compliance')!.some((row) => row.includes('+No safeguarding lead named'))).toBe(true);
    expect(sheets.get('Moderation')!.some((row) => row.includes('@Revised to 4: evidence on page 12.'))).toBe(true);
    const clarifications = sheets.get('Clarifications')!;
    expect(clarifications.slice(1).map((row) => [row[0], row[1], row[2], row[5], row[8]])).toEqual([
      ['1', 'Question', HOSTILE.dde, HOSTILE.at, 'Published to every bidder'],
      ['2', 'Question', 'Can our partner Acme supply the café?', 'Yes.', 'Answered to the asker only'],
      ['3', 'Notice', '', 'Annex C is revised.', 'Published to every bidder'],
    ]);
    expect(clarifications[2][3]).toMatch(/^Camden Mind Partnership org \(Bidder \d+\)$/);
    expect(clarifications[2][9]).toBe('Names a partner.');
    console.log(`LibreOffice recalculated the workbook in ${seconds.toFixed(1)} s`);
  });

  it('read back with exceljs: sheets, frozen headers, filters, formulas with cached values, print setup, marking, text as strings', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Cover',
      'Summary',
      'Criteria',
      'Matrix',
      'Scores',
      'Moderation',
      'Price',
      'Robustness',
      'Panel',
      'Commitments',
      'Compliance',
      'Clarifications',
    ]);
    const names = new Map(workbook.definedNames.model.map((entry) => [entry.name, entry.ranges]));
    for (const name of [
      'ScaleMin',
      'ScaleMax',
      'PriceWeight',
      'LowestPrice',
      'HighestPrice',
      'MeanPrice',
      'AbnormallyLowRatio',
    ]) {
      expect(names.get(name)).toHaveLength(1);
    }

    // Cover and Robustness are blocks of facts, not one table: no frozen header or filter.
    for (const sheet of workbook.worksheets.filter((candidate) => !['Cover', 'Robustness'].includes(candidate.name))) {
      expect({ sheet: sheet.name, state: sheet.views[0]?.state }).toEqual({ sheet: sheet.name, state: 'frozen' });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
      });
      expect(sheet.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE: COMMERCIAL');
      expect(sheet.headerFooter.oddHeader).toContain(world.reference.replace('&', '&&'));
      expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    }
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    expect(workbook.getWorksheet('Matrix')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 5 });
    expect(summary.pageSetup.printTitlesRow).toBe('1:1');
    expect((summary as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(0);

    // Summary: subtotals and totals are formulas over the Matrix, with /results' values cached.
    const header = (summary.getRow(1).values as unknown[]).map(String);
    results.bids.forEach((bid, index) => {
      const row = summary.getRow(index + 2);
      for (const [label, key] of SUBTOTAL_COLUMNS) {
        const cell = row.getCell(header.indexOf(label));
        expect(cell.formula).toMatch(/^Matrix!\$[A-Z]+\$\d+$/);
        expect(cell.result).toBe(key === 'total' ? bid.total : bid.byCategory[key]);
      }
    });

    // Matrix: weighted = Criteria weight × (score − ScaleMin) ÷ (ScaleMax − ScaleMin); scores from Scores or Moderation.
    const matrix = workbook.getWorksheet('Matrix')!;
    const formulas = new Map<string, string[]>();
    matrix.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code !== 'string') return;
      formulas.set(code, (row.values as unknown[]).map((_, column) => row.getCell(column).formula ?? '').filter(Boolean));
    });
    const weighted = /^Criteria!\$F\$\d+\*\([A-Z]+\d+-ScaleMin\)\/\(ScaleMax-ScaleMin\)$/;
    expect(formulas.get('Q1')!.filter((text) => weighted.test(text))).toHaveLength(4);
    expect(formulas.get('Q1')).toContainEqual(expect.stringMatching(/^Moderation!\$F\$\d+$/));
    expect(formulas.get('Q1')).toContainEqual(expect.stringMatching(/^AVERAGE\(Scores!\$H\$\d+:\$H\$\d+\)$/));
    expect(formulas.get('C1')).toContainEqual(
      expect.stringMatching(
        /^\(Criteria!\$I\$\d+\*AVERAGE\(Scores!\$H\$\d+:\$H\$\d+\)\+Criteria!\$J\$\d+\*AVERAGE\(Scores!\$H\$\d+:\$H\$\d+\)\)\/\(Criteria!\$I\$\d+\+Criteria!\$J\$\d+\)$/,
      ),
    );
    expect(formulas.get('P')).toContainEqual(expect.stringMatching(/^Price!\$F\$\d+$/));
    const totals: string[] = [];
    matrix.eachRow((row) => {
      if (row.getCell(2).value === 'Total')
        totals.push(...(row.values as unknown[]).map((_, column) => row.getCell(column).formula ?? '').filter(Boolean));
    });
    expect(totals).toHaveLength(4);
    for (const total of totals) expect(total).toMatch(/^ROUND\(SUM\([A-Z]+3:[A-Z]+\d+\),2\)$/);
    const price = workbook.getWorksheet('Price')!;
    expect(price.getCell('F9').formula).toBe('IF($C9="Yes",PriceWeight*LowestPrice/$D9,"")');

    // Hostile text: string cells, never formulas or hyperlinks, wherever people's words land.
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
    const hostile = [
      HOSTILE.bidderName,
      HOSTILE.dde,
      HOSTILE.at,
      HOSTILE.minus,
      HOSTILE.role,
      '=1+1 4',
      '=I volunteer there',
      '@I used to work there',
    ];
    for (const text of hostile) {
      // (A merged cell's other half shows its master's value: the master is the cell.)
      const found = cells.filter(
        (cell) => cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string' && cell.value.includes(text),
      );
      expect({ text, found: found.length > 0 }).toEqual({ text, found: true });
      for (const cell of found) {
        expect({ address: cell.fullAddress, type: cell.type }).toEqual({
          address: cell.fullAddress,
          type: ExcelJS.ValueType.String,
        });
        expect(cell.formula).toBeUndefined();
        expect(cell.hyperlink).toBeUndefined();
      }
    }
    // …and no formula anywhere mentions them: every formula is one the service wrote.
    for (const cell of cells.filter((candidate) => candidate.formula)) {
      expect(cell.formula).not.toMatch(/HYPERLINK|cmd|volunteer|1\+1/);
    }
  });
});

interface RunnerUp {
  runnerUpBidId: string;
  margin: number;
  smallestMarkChange: { change: number } | null;
}
