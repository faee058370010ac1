import type { TestApp } from '../app';

export const FUTURE_DEADLINE = '2027-01-31T12:00:00.000Z';

/** A valid tender body; override any field. */
export function buildTender(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reference: `REF-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    title: 'Community mental health day support',
    bidDeadline: FUTURE_DEADLINE,
    ...overrides,
  };
}

/** The worked example of SCORING.md §10: Q1 quality 40, C1 co-production 30 (50/50), P price 30. */
export const WORKED_EXAMPLE_CRITERIA = [
  { code: 'Q1', title: 'Service quality', kind: 'scored', category: 'quality', weight: 40 },
  {
    code: 'C1',
    title: 'Co-production',
    kind: 'scored',
    category: 'co_production',
    weight: 30,
    groupWeights: { lived_experience: 50, professional: 50 },
  },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
];

/** Creates a draft tender as `token` and returns its id. */
export async function createTender(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await t.http().post('/api/tenders').set('Authorization', `Bearer ${token}`).send(buildTender(overrides));
  if (response.status !== 201) throw new Error(`create tender failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Creates and publishes a tender with the given flat criteria (default: the worked example). */
export async function createPublishedTender(
  t: TestApp,
  token: string,
  options: { criteria?: Record<string, unknown>[]; tender?: Record<string, unknown> } = {},
): Promise<string> {
  const id = await createTender(t, token, options.tender);
  for (const criterion of options.criteria ?? WORKED_EXAMPLE_CRITERIA) {
    const response = await t.http().post(`/api/tenders/${id}/criteria`).set('Authorization', `Bearer ${token}`).send(criterion);
    if (response.status !== 201) throw new Error(`create criterion failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const published = await t.http().post(`/api/tenders/${id}/publish`).set('Authorization', `Bearer ${token}`);
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return id;
}
