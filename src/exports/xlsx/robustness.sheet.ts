import type * as ExcelJS from 'exceljs';
import type { EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { GROUP_LABELS } from '../../results/evaluation/evaluation-record';
import { SHEET, type WorkbookPlan } from './plan';
import { absolute, addSheet, BOLD, formula, FORMAT, HEADER_STYLE, styled, type CellInput } from './sheet-writer';

const SCENARIO_LABELS = {
  as_scored: 'On the panel’s own scores',
  without_lived_experience: 'Without the lived-experience scores',
  equal_group_weights: 'Groups weighted equally',
  lived_experience_only: 'Lived-experience scores only',
} as const;

/**
 * SCORING.md §11, one sheet: marks to change the winner, the close-call alert, group
 * influence and panel calibration. The totals are formulas summing the Matrix sheet's
 * weighted scores; margins, sizes of change, the lived-experience contribution and share, and
 * the share of agreements with the consensus are formulas over the cells beside them. The
 * smallest changes and the scenario figures are the engine's findings, shown as values.
 */
export async function writeRobustness(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.robustness,
    columns: [
      { header: '', width: 30, wrap: true },
      { header: '', width: 14, wrap: true },
      { header: '', width: 14, wrap: true },
      { header: '', width: 14, wrap: true },
      { header: '', width: 12, wrap: true },
      { header: '', width: 14, wrap: true },
      { header: '', width: 14, wrap: true },
      { header: '', width: 12, wrap: true },
      { header: '', width: 10, wrap: true },
      { header: '', width: 10, wrap: true },
      { header: '', width: 10, wrap: true },
      { header: '', width: 16, wrap: true },
      { header: '', width: 80, wrap: true },
    ],
    headerRow: 0,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  const { result, presented } = record;
  const names = new Map(record.bids.map((bid) => [bid.id, bid.bidderName]));
  // The unrounded sum of the bid's weighted scores on the Matrix (its Total row is rounded, and a margin
  // is never taken between rounded parts); the margin beside it is rounded once, as /results rounds it.
  const total = (bidId: string, cached: number) => {
    const column = plan.matrixScoreColumn.get(bidId)! + 1;
    const first = absolute(SHEET.matrix, column, plan.matrixFirstLeafRow);
    const last = absolute(SHEET.matrix, column, plan.matrixLastLeafRow).split('!')[1];
    return formula(`SUM(${first}:${last})`, cached);
  };
  const points = (value: CellInput) => styled(value as never, { numFmt: FORMAT.points });
  const heading = (cells: string[]) => sheet.add(cells, HEADER_STYLE);
  const byId = new Map(presented.bids.map((bid) => [bid.bidId, bid]));

  await sheet.add([styled('Marks to change the winner (SCORING.md §11.1)', { font: { bold: true, size: 14 } })]);
  const robustness = presented.robustness;
  if (!robustness) {
    await sheet.add(['Fewer than two ranked bids: nothing to compare.']);
  } else {
    await heading([
      'Runner-up',
      'Rank',
      'Winner’s total',
      'Runner-up’s total',
      'Margin',
      'Fall in winner’s total',
      'Score to change (bid)',
      'Criterion',
      'From',
      'To',
      'Change',
      'Effect',
      'In words',
    ]);
    const winner = byId.get(robustness.winnerBidId)!;
    for (const entry of robustness.runnersUp) {
      const runnerUp = byId.get(entry.runnerUpBidId)!;
      const row = sheet.row + 1;
      const change = entry.smallestMarkChange;
      await sheet.add([
        runnerUp.bidderName,
        runnerUp.rank,
        points(total(winner.bidId, winner.total)),
        points(total(runnerUp.bidId, runnerUp.total)),
        points(formula(`ROUND(C${row}-D${row},2)`, entry.margin)),
        points(entry.totalChange),
        change ? names.get(change.bidId)! : null,
        change?.code ?? null,
        change?.from ?? null,
        change?.to ?? null,
        change ? formula(`ABS(J${row}-I${row})`, change.change) : null,
        change ? (change.effect === 'order' ? 'Order changes' : 'Winner below threshold') : null,
        entry.sentence,
      ]);
    }
  }

  await sheet.add([]);
  await sheet.add([styled('Close call (SCORING.md §11.2)', { font: { bold: true, size: 14 } })]);
  const closeCall = presented.closeCall;
  if (closeCall) {
    await sheet.add([styled('Alert', BOLD), closeCall.alert ? 'Yes' : 'No']);
    await sheet.add([styled('Winner’s margin', BOLD), points(closeCall.margin)]);
    await sheet.add([styled('Close-call margin', BOLD), points(closeCall.threshold)]);
    await sheet.add([styled('In words', BOLD), closeCall.sentence]);
    if (closeCall.recheck.length) {
      await heading(['Score to check again (bid)', 'Criterion', 'From', 'To', 'Change', 'Source', 'Against runner-up']);
      for (const cell of closeCall.recheck) {
        const row = sheet.row + 1;
        await sheet.add([
          names.get(cell.bidId)!,
          cell.code,
          cell.from,
          cell.to,
          formula(`ABS(D${row}-C${row})`, cell.change),
          cell.source,
          names.get(cell.runnerUpBidId)!,
        ]);
      }
    }
  } else {
    await sheet.add(['Fewer than two ranked bids: nothing to compare.']);
  }

  await sheet.add([]);
  await sheet.add([styled('Group influence (SCORING.md §11.3)', { font: { bold: true, size: 14 } })]);
  const influence = presented.groupInfluence;
  if (!influence) {
    await sheet.add(['No comparison: fewer than two ranked bids, or no criterion the lived-experience members score.']);
  } else {
    await sheet.add([styled('Criteria', BOLD), influence.criteria.join(', ')]);
    await heading(['Scenario', 'Winner', 'Margin', 'Winner changes', 'Order changes', '', '', '', '', '', '', '', 'In words']);
    for (const scenario of influence.scenarios) {
      await sheet.add([
        SCENARIO_LABELS[scenario.scenario],
        names.get(scenario.winnerBidId)!,
        points(scenario.margin),
        scenario.winnerChanged ? 'Yes' : 'No',
        scenario.orderChanged ? 'Yes' : 'No',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        scenario.sentence,
      ]);
    }
    const without = influence.scenarios.find((scenario) => scenario.scenario === 'without_lived_experience')!;
    const [winnerId, runnerUpId] = [result.bids[0].bidId, result.bids[1].bidId];
    const leadWithout = result.groupInfluence!.scenarios.find((s) => s.scenario === without.scenario)!.totals;
    const lead = leadWithout.find((t) => t.bidId === winnerId)!.total.sub(leadWithout.find((t) => t.bidId === runnerUpId)!.total);
    // Unrounded (to a double), so the formulas below agree with the engine's exact figures to the cent.
    const panelRow = await sheet.add([
      styled('Lead on the panel’s own scores', BOLD),
      points(result.groupInfluence!.panelMargin.toNumber()),
    ]);
    const withoutRow = await sheet.add([styled('Lead without the lived-experience scores', BOLD), points(lead.toNumber())]);
    const contributionRow = await sheet.add([
      styled('Lived-experience contribution', BOLD),
      points(formula(`B${panelRow}-B${withoutRow}`, influence.livedExperienceContribution)),
    ]);
    await sheet.add([
      styled('Share of the lead', BOLD),
      influence.livedExperienceSharePercent === null
        ? 'No lead to share'
        : styled(formula(`B${contributionRow}/B${panelRow}`, influence.livedExperienceSharePercent / 100), {
            numFmt: '0.00%',
          }),
    ]);
    await sheet.add([styled('In words', BOLD), influence.sentence]);
  }

  await sheet.add([]);
  await sheet.add([
    styled('Panel calibration (SCORING.md §11.4): reporting only, no score is changed', { font: { bold: true, size: 14 } }),
  ]);
  await heading([
    'Member',
    'Group',
    'Scores',
    'Mean',
    'Spread',
    'Compared cells',
    'Leniency',
    'Consensus cells',
    'Agreed',
    'Agreed share',
    'Mean difference',
    'Outlier cells',
    'Where',
  ]);
  const codes = (outliers: { bidId: string; code: string }[]) =>
    outliers.map((outlier) => `${names.get(outlier.bidId)} × ${outlier.code}`).join('; ');
  for (const member of record.members) {
    const entry = presented.calibration.find((candidate) => candidate.panelistId === member.id);
    if (!entry) continue;
    const row = sheet.row + 1;
    await sheet.add([
      member.name,
      GROUP_LABELS[member.group],
      entry.scores,
      styled(entry.mean, { numFmt: FORMAT.points }),
      styled(entry.spread, { numFmt: FORMAT.points }),
      entry.comparedCells,
      styled(entry.leniency, { numFmt: FORMAT.points }),
      entry.consensusCells,
      entry.consensusAgreements,
      entry.consensusCells
        ? styled(formula(`I${row}/H${row}`, entry.consensusAgreements / entry.consensusCells), { numFmt: '0.00%' })
        : null,
      styled(entry.consensusDifference, { numFmt: FORMAT.points }),
      entry.outliers.length,
      codes(entry.outliers),
    ]);
  }
  sheet.finish(false);
}
