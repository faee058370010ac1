import { createTestApp } from '../app';
it('dump', async () => {
  const t = await createTestApp();
  const r = await t.http().get('/api/docs-json');
  const s = r.body.components.schemas;
  console.log(JSON.stringify({ r: s.ResultsResponse.properties.sensitivity, b: s.ResultsResponse.properties.bids, c: s.ResultsBidResponse.properties.criteria, g: s.ResultsCriterionResponse.properties.groupScores }, null, 1));
  await t.close();
});
