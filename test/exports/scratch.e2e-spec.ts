import { writeFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../app';
import { download } from './download';
import { evaluationWorld } from './evaluation-world';
import { recalculateInLibreOffice } from './libreoffice';

jest.setTimeout(120_000);
it('scratch', async () => {
  const t: TestApp = await createTestApp();
  try {
    const started = Date.now();
    const world = await evaluationWorld(t);
    console.log('world', Date.now() - started);
    const results = await t.http().get(`/api/tenders/${world.tenderId}/results`).set(world.commissioner.auth);
    writeFileSync('/tmp/exp/results.json', JSON.stringify(results.body, null, 2));
    const file = await download(t, world.commissioner, world.tenderId, 'evaluation-matrix.xlsx');
    console.log(file.status, file.headers, file.body.length);
    if (file.status !== 200) console.log(file.body.toString());
    writeFileSync('/tmp/exp/m.xlsx', file.body);
    const lo = recalculateInLibreOffice(file.body);
    for (const [name, rows] of lo) writeFileSync(`/tmp/exp/${name}.json`, JSON.stringify(rows));
    const csv = await download(t, world.commissioner, world.tenderId, 'scores.csv');
    writeFileSync('/tmp/exp/scores.csv', csv.body);
    const json = await download(t, world.commissioner, world.tenderId, 'evaluation.json');
    writeFileSync('/tmp/exp/evaluation.json', json.body);
  } finally {
    await t.close();
  }
});
