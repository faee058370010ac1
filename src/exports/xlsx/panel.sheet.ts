import type * as ExcelJS from 'exceljs';
import { GROUP_LABELS, type EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { SHEET } from './plan';
import { addSheet, FORMAT } from './sheet-writer';

/**
 * The evaluation panel: lived-experience members by pseudonym ("Lived experience 1"…, by
 * order of joining), professionals by name; their role label, declarations of interest
 * (each conflict with its bid and what the member wrote) and how many of their scores
 * were submitted and counted.
 */
export async function writePanel(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.panel,
    columns: [
      { header: 'Member', width: 24 },
      { header: 'Group', width: 17 },
      { header: 'Role', width: 20, wrap: true },
      { header: 'Joined (UTC)', width: 17, numFmt: FORMAT.timestamp },
      { header: 'Bids declared on', width: 10, numFmt: FORMAT.integer },
      { header: 'Conflicts declared', width: 10, numFmt: FORMAT.integer },
      { header: 'Conflicts of interest', width: 70, wrap: true },
      { header: 'Scores submitted', width: 10, numFmt: FORMAT.integer },
      { header: 'Scores counted', width: 10, numFmt: FORMAT.integer },
    ],
    freezeColumns: 1,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  await sheet.header();
  const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
  for (const member of record.members) {
    const declarations = record.declarations.filter((declaration) => declaration.memberId === member.id);
    const conflicts = declarations.filter((declaration) => declaration.conflict);
    const details = conflicts.map((declaration) => {
      const bid = bids.get(declaration.bidId)!;
      const when = (declaration.escalatedAt ?? declaration.declaredAt).toISOString().slice(0, 10);
      return `${bid.label} (${bid.bidderName}), declared ${when}: ${declaration.details ?? 'no details given'}`;
    });
    await sheet.add([
      member.name,
      GROUP_LABELS[member.group],
      member.roleLabel,
      member.joinedAt,
      declarations.length,
      conflicts.length,
      details.join('\n') || null,
      record.memberTallies.get(member.id)?.submitted ?? 0,
      record.memberTallies.get(member.id)?.counted ?? 0,
    ]);
  }
  sheet.finish();
}
