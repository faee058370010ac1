import { createTestApp, type TestApp } from '../app';

/**
 * The HTTP contract of docs/API.md, route by route: every route is served and described in
 * the OpenAPI document, and every request body is documented with an example, so clients
 * generated from /api/docs-json see what docs/API.md promises.
 */
const API_MD_ROUTES: [string, string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/auth/register'],
  ['post', '/api/auth/invitation'],
  ['get', '/api/me'],
  ['post', '/api/users'],
  ['get', '/api/users'],
  ['get', '/api/users/{userId}'],
  ['post', '/api/users/{userId}/deactivate'],
  ['post', '/api/users/{userId}/reactivate'],
  ['put', '/api/users/{userId}/role'],
  ['post', '/api/users/{userId}/password-reset'],
  ['post', '/api/auth/password-reset'],
  ['post', '/api/me/password'],
  ['get', '/api/health'],
  ['get', '/api/templates'],
  ['get', '/api/templates/{key}'],
  ['post', '/api/tenders'],
  ['get', '/api/tenders'],
  ['get', '/api/tenders/{tenderId}'],
  ['patch', '/api/tenders/{tenderId}'],
  ['post', '/api/tenders/{tenderId}/team'],
  ['post', '/api/tenders/{tenderId}/publish'],
  ['post', '/api/tenders/{tenderId}/close'],
  ['post', '/api/tenders/{tenderId}/start-moderation'],
  ['post', '/api/tenders/{tenderId}/award'],
  ['post', '/api/tenders/{tenderId}/cancel'],
  ['get', '/api/tenders/{tenderId}/criteria'],
  ['post', '/api/tenders/{tenderId}/criteria'],
  ['patch', '/api/tenders/{tenderId}/criteria/{criterion}'],
  ['delete', '/api/tenders/{tenderId}/criteria/{criterion}'],
  ['post', '/api/tenders/{tenderId}/bids'],
  ['patch', '/api/tenders/{tenderId}/bids/{bidId}'],
  ['post', '/api/tenders/{tenderId}/bids/{bidId}/submit'],
  ['post', '/api/tenders/{tenderId}/bids/{bidId}/withdraw'],
  ['get', '/api/tenders/{tenderId}/bids'],
  ['get', '/api/tenders/{tenderId}/bids/{bidId}'],
  ['put', '/api/tenders/{tenderId}/bids/{bidId}/compliance/{criterion}'],
  ['post', '/api/tenders/{tenderId}/bids/{bidId}/disqualify'],
  ['post', '/api/tenders/{tenderId}/panel'],
  ['get', '/api/tenders/{tenderId}/panel'],
  ['post', '/api/tenders/{tenderId}/panel/{memberId}/invitation'],
  ['delete', '/api/tenders/{tenderId}/panel/{memberId}/invitation'],
  ['put', '/api/tenders/{tenderId}/declarations/{bidId}'],
  ['get', '/api/tenders/{tenderId}/assignments'],
  ['put', '/api/tenders/{tenderId}/bids/{bidId}/scores/{criterion}'],
  ['post', '/api/tenders/{tenderId}/bids/{bidId}/scores/submit'],
  ['get', '/api/tenders/{tenderId}/scores/mine'],
  ['get', '/api/tenders/{tenderId}/moderation'],
  ['put', '/api/tenders/{tenderId}/bids/{bidId}/moderated/{criterion}'],
  ['get', '/api/tenders/{tenderId}/results'],
  ['get', '/api/tenders/{tenderId}/exports/evaluation-matrix.xlsx'],
  ['get', '/api/tenders/{tenderId}/exports/scores.csv'],
  ['get', '/api/tenders/{tenderId}/exports/evaluation.json'],
  ['get', '/api/tenders/{tenderId}/audit'],
];

type Schema = { $ref?: string; example?: unknown; properties?: Record<string, Schema>; allOf?: Schema[]; items?: Schema };

describe('the docs/API.md contract in the OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it.each(API_MD_ROUTES)('%s %s is described', (method, path) => {
    expect(doc.paths[path]?.[method]).toBeDefined();
  });

  it('documents an example for every property of every request body', () => {
    const missing: string[] = [];
    let checked = 0;
    const resolve = (schema: Schema): Schema => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema);
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        const body = resolve(schema);
        for (const [name, property] of Object.entries(body.properties ?? {})) {
          checked++;
          const resolved = resolve(property.items ?? property);
          if (
            property.example === undefined &&
            resolved.example === undefined &&
            !resolved.properties &&
            !property.$ref &&
            !property.allOf
          ) {
            missing.push(`${method.toUpperCase()} ${path}: ${name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });
});
