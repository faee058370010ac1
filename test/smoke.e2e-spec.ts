import { createTestApp, type TestApp } from './app';
import { createTender } from './steps';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('health, login, create from template', async () => {
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok' });
    const commissioner = await t.user('commissioner');
    const id = await createTender(t, commissioner.token, { template: 'camden-mental-health-day-care' });
    const tree = await t.http().get(`/api/tenders/${id}/criteria`).set(commissioner.auth);
    expect(tree.status).toBe(200);
    const pub = await t.http().post(`/api/tenders/${id}/publish`).set(commissioner.auth);
    expect(pub.status).toBe(200);
  });
});
