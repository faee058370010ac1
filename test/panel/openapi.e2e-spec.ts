import { createTestApp, type TestApp } from '../app';

describe('OpenAPI: panel, scoring and moderation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ROUTES: [string, string][] = [
    ['post', '/api/tenders/{tenderId}/panel'],
    ['get', '/api/tenders/{tenderId}/panel'],
    ['delete', '/api/tenders/{tenderId}/panel/{memberId}'],
    ['post', '/api/tenders/{tenderId}/panel/{memberId}/invitation'],
    ['delete', '/api/tenders/{tenderId}/panel/{memberId}/invitation'],
    ['post', '/api/auth/invitation'],
    ['get', '/api/tenders/{tenderId}/declarations'],
    ['put', '/api/tenders/{tenderId}/declarations/{bidId}'],
    ['get', '/api/tenders/{tenderId}/assignments'],
    ['put', '/api/tenders/{tenderId}/bids/{bidId}/scores/{criterion}'],
    ['post', '/api/tenders/{tenderId}/bids/{bidId}/scores/submit'],
    ['get', '/api/tenders/{tenderId}/scores/mine'],
    ['post', '/api/tenders/{tenderId}/start-moderation'],
    ['get', '/api/tenders/{tenderId}/moderation'],
    ['put', '/api/tenders/{tenderId}/bids/{bidId}/moderated/{criterion}'],
  ];

  it('describes every route, with an example for every request body and a typed success response', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    const document = response.body as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { $ref?: string }; examples?: object }> };
            responses: Record<string, { content?: object }>;
          }
        >
      >;
      components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
    };
    for (const [method, path] of ROUTES) {
      const operation = document.paths[path]?.[method];
      expect({ route: `${method} ${path}`, documented: operation !== undefined }).toEqual({
        route: `${method} ${path}`,
        documented: true,
      });
      const body = operation.requestBody?.content['application/json'];
      if (body) {
        const schemaName = body.schema.$ref?.split('/').pop();
        const properties = Object.entries(document.components.schemas[schemaName!].properties ?? {});
        const everyFieldHasAnExample = properties.every(([, property]) => property.example !== undefined);
        expect({ route: `${method} ${path}`, everyFieldHasAnExample }).toEqual({
          route: `${method} ${path}`,
          everyFieldHasAnExample: true,
        });
      }
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      expect(success).toBeDefined();
    }
  });
});
