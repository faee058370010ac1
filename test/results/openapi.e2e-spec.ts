import { createTestApp, type TestApp } from '../app';

interface Schema {
  properties?: Record<string, { example?: unknown; $ref?: string; items?: { $ref?: string }; allOf?: unknown[] }>;
}
interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref?: string }; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

describe('OpenAPI: results and award', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => t.close());

  const schemaOf = (ref: string | undefined) => document.components.schemas[ref!.split('/').pop()!];

  /** Every property of the schema, and of every schema it refers to, has an example or is a reference. */
  function undocumented(name: string, seen = new Set<string>()): string[] {
    if (seen.has(name)) return [];
    seen.add(name);
    return Object.entries(document.components.schemas[name].properties ?? {}).flatMap(([key, property]) => {
      const ref = property.$ref ?? property.items?.$ref ?? (property.allOf?.[0] as { $ref?: string } | undefined)?.$ref;
      if (ref) return undocumented(ref.split('/').pop()!, seen);
      return property.example === undefined ? [`${name}.${key}`] : [];
    });
  }

  it('documents GET results with a typed body whose every field has an example', () => {
    const operation = document.paths['/api/tenders/{tenderId}/results']?.get;
    expect(operation).toBeDefined();
    const ok = operation.responses['200'].content!['application/json'].schema.$ref;
    expect(ok).toBe('#/components/schemas/ResultsResponse');
    expect(Object.keys(schemaOf(ok).properties!)).toEqual(
      expect.arrayContaining(['tenderId', 'complete', 'gaps', 'sensitivity', 'bids', 'generatedAt', 'awardedBidId']),
    );
    expect(undocumented('ResultsResponse')).toEqual([]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409']));
  });

  it('documents POST award with body examples and every refusal', () => {
    const operation = document.paths['/api/tenders/{tenderId}/award']?.post;
    expect(operation).toBeDefined();
    const body = operation.requestBody!.content['application/json'];
    expect(body.schema.$ref).toBe('#/components/schemas/AwardTenderDto');
    expect(undocumented('AwardTenderDto')).toEqual([]);
    expect(Object.values(body.examples ?? {}).map((example) => example.value)).toEqual([{}, { bidId: expect.any(String) }]);
    expect(operation.responses['200'].content!['application/json'].schema.$ref).toBe('#/components/schemas/TenderResponse');
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '422']));
  });
});
