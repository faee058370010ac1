import ExcelJS from 'exceljs';

type Call = (method: string, path: string, token: string | null, body?: unknown) => Promise<Record<string, unknown>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Issue 17 part 4 in the demo: a lived-experience member who scores on paper at home. The team
 * downloads her offline workbook, her answers are typed into it (as a support worker would),
 * and the team imports it: her scores are drafts for her to check and submit.
 */
export async function importedWorkbook(
  base: string,
  call: Call,
  owner: string,
  tenderPath: string,
  secondApprover: () => Promise<string>,
): Promise<void> {
  // The template asks two of the team to open the box: the second approves here, so scoring opens.
  if ((await call('GET', tenderPath, owner)).status !== 'evaluation') {
    const procurement = await secondApprover();
    const me = await call('GET', '/me', procurement);
    await call('POST', `${tenderPath}/team`, owner, { userId: me.id, role: 'procurement' });
    await call('POST', `${tenderPath}/close`, procurement);
  }
  const member = await call('POST', `${tenderPath}/panel`, owner, {
    name: 'Rita Adeyemi',
    email: 'rita.adeyemi@demo.example',
    group: 'lived_experience',
    role: 'Carer',
  });
  const invitation = await call('POST', `${tenderPath}/panel/${member.id as string}/invitation`, owner);
  const seat = (await call('POST', '/auth/invitation', null, { token: invitation.token })).accessToken as string;
  const declarations = (await call('GET', `${tenderPath}/declarations`, seat)) as unknown as { bids?: { bidId: string }[] };
  for (const bid of declarations.bids ?? [])
    await call('PUT', `${tenderPath}/declarations/${bid.bidId}`, seat, { conflict: false });
  const path = `${base}${tenderPath}/panel/${member.id as string}/workbook`;
  const downloaded = await fetch(path, { headers: { Authorization: `Bearer ${owner}` } });
  if (!downloaded.ok) throw new Error(`GET workbook → ${downloaded.status} ${await downloaded.text()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await downloaded.arrayBuffer());
  workbook.getWorksheet('Scores')!.eachRow((row, n) => {
    if (n === 1) return;
    row.getCell('F').value = 3 + (n % 2);
    row.getCell('G').value = 'From my paper notes: they listen to carers and give us a say in the groups.';
  });
  const imported = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${owner}`, 'Content-Type': XLSX },
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  const body = (await imported.json()) as { imported?: number };
  if (!imported.ok) throw new Error(`POST workbook → ${imported.status} ${JSON.stringify(body)}`);
  console.log(
    `  offline workbook: ${body.imported} draft scores imported for ${member.pseudonym as string}, for her to check and submit`,
  );
}
