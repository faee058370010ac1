import type * as ExcelJS from 'exceljs';
import { fromHundredths, penceToPounds } from '../../common/domain/decimals';
import { Rational } from '../../results/engine';
import type { EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { abnormallyLowFormula, PRICE_FORMULA_WORDS, priceFormula } from './formulas';
import { COLUMN, NAME, PRICE_HEADER_ROW, SHEET, type WorkbookPlan } from './plan';
import { addSheet, BOLD, columnLetter, formula, FORMAT, styled, type CellInput } from './sheet-writer';

/**
 * SCORING.md §4 as live formulas. Above the table: the formula in words, the price weight
 * (from the Criteria sheet), the lowest, highest and mean eligible prices and the
 * abnormally-low ratio, each a defined name. Per bid: its price, the price again only if
 * it is eligible (§5: ineligible bids take no part), its weighted price score and the
 * abnormally-low flag.
 */
export async function writePrice(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.price,
    columns: [
      { header: 'Bid', width: 26, wrap: true },
      { header: 'Bidder', width: 60, wrap: true },
      { header: 'Eligible', width: 9 },
      { header: 'Price (£)', width: 16, numFmt: FORMAT.pounds },
      { header: 'Eligible price (£)', width: 16, numFmt: FORMAT.pounds },
      { header: 'Price score (weighted)', width: 12, numFmt: FORMAT.points },
      { header: 'Abnormally low price', width: 16 },
    ],
    headerRow: PRICE_HEADER_ROW,
    freezeColumns: 2,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  if (COLUMN.priceEligiblePrice !== 5 || COLUMN.priceScore !== 6) throw new Error('Price sheet columns and the plan disagree');
  const priceLeaf = record.criteria.find((criterion) => criterion.kind === 'price');
  const results = new Map(record.result.bids.map((bid) => [bid.bidId, bid]));
  const eligible = record.bids.filter((bid) => results.get(bid.id)!.eligible).map((bid) => bid.pricePence);
  const first = PRICE_HEADER_ROW + 1;
  const last = PRICE_HEADER_ROW + Math.max(record.bids.length, 1);
  const eligibleRange = `${columnLetter(COLUMN.priceEligiblePrice)}${first}:${columnLetter(COLUMN.priceEligiblePrice)}${last}`;

  const parameter = async (label: string, value: CellInput, name?: string, numFmt?: string) => {
    const row = await sheet.add([styled(label, BOLD), numFmt ? styled(value as never, { numFmt }) : value]);
    if (name) workbook.definedNames.add(`${SHEET.price}!$B$${row}`, name);
  };
  const pounds = (pence: bigint | null) => (pence === null ? null : penceToPounds(pence));
  const lowest = eligible.length ? eligible.reduce((a, b) => (b < a ? b : a)) : null;
  const highest = eligible.length ? eligible.reduce((a, b) => (b > a ? b : a)) : null;
  const mean = eligible.length
    ? Rational.of(
        eligible.reduce((a, b) => a + b, 0n),
        BigInt(eligible.length) * 100n,
      ).toNumber()
    : null;
  await parameter(
    'Price formula',
    priceLeaf ? PRICE_FORMULA_WORDS[record.tender.priceFormula] : 'This tender has no price criterion.',
  );
  await parameter(
    'Price weight (% of tender)',
    priceLeaf ? formula(NAME.priceWeight, fromHundredths(priceLeaf.weightHundredths)) : null,
    undefined,
    FORMAT.weight,
  );
  await parameter(
    'Lowest eligible price (£)',
    formula(`MIN(${eligibleRange})`, pounds(lowest) ?? 0),
    NAME.lowestPrice,
    FORMAT.pounds,
  );
  await parameter(
    'Highest eligible price (£)',
    formula(`MAX(${eligibleRange})`, pounds(highest) ?? 0),
    NAME.highestPrice,
    FORMAT.pounds,
  );
  await parameter('Mean eligible price (£)', formula(`AVERAGE(${eligibleRange})`, mean), NAME.meanPrice, FORMAT.pounds);
  await parameter(
    'Abnormally low below this share of the mean',
    fromHundredths(record.tender.abnormallyLowRatioHundredths),
    NAME.abnormallyLowRatio,
    FORMAT.percent,
  );
  await sheet.add([]);
  await sheet.header();

  for (const bid of record.bids) {
    const outcome = results.get(bid.id)!;
    const row = plan.priceRow.get(bid.id)!;
    const [eligibleCell, priceCell] = [`$C${row}`, `$D${row}`];
    const weighted = outcome.criteria.find((criterion) => criterion.source === 'price')?.weighted ?? null;
    const flagged = outcome.flags.some((flag) => flag.type === 'abnormally_low_price');
    const written = await sheet.add([
      bid.label,
      bid.bidderName,
      outcome.eligible ? 'Yes' : 'No',
      penceToPounds(bid.pricePence),
      formula(`IF(${eligibleCell}="Yes",${priceCell},"")`, outcome.eligible ? penceToPounds(bid.pricePence) : ''),
      priceLeaf
        ? formula(priceFormula(record.tender.priceFormula, eligibleCell, priceCell), weighted ? weighted.toNumber() : '')
        : null,
      formula(abnormallyLowFormula(eligibleCell, priceCell), flagged ? 'Abnormally low' : ''),
    ]);
    if (written !== row) throw new Error(`Price row of ${bid.label} differs from the plan`);
  }
  sheet.finish();
}
