import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../../src/openapi/openapi-document';
import { openApiText } from '../../src/openapi/openapi-text';
import { createTestApp, type TestApp } from '../app';

/**
 * The drift gate: docs/openapi.json is the document the code builds, byte for byte, so every
 * contract change shows in review. The linter (scripts/test-all.sh, redocly.yaml) checks the file.
 */
describe('docs/openapi.json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is the document the code builds (regenerate it with: npm run openapi)', () => {
    const committed = readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8');
    const built = openApiText(buildOpenApiDocument(t.app));
    if (built !== committed) {
      const [a, b] = [committed.split('\n'), built.split('\n')];
      const line = a.findIndex((text, index) => text !== b[index]);
      throw new Error(
        `docs/openapi.json is out of date: run \`npm run openapi\` and commit the file.\n` +
          `First difference at line ${line + 1}:\n  committed: ${a[line]?.trim()}\n  built:     ${b[line]?.trim()}`,
      );
    }
  });

  it('is served at /api/docs-json', async () => {
    const served = (await t.http().get('/api/docs-json').expect(200)).body as unknown;
    expect(served).toEqual(JSON.parse(readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8')));
  });

  it('types every nullable property (a generated client must not see `object`)', () => {
    const document = buildOpenApiDocument(t.app);
    const untyped: string[] = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      for (const [property, value] of Object.entries(
        (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {},
      )) {
        const typedObject = value.properties || value.additionalProperties || value.allOf;
        if (value.nullable && value.type === 'object' && !typedObject) untyped.push(`${name}.${property}`);
        if (value.nullable && !value.type && !value.allOf && !value.$ref) untyped.push(`${name}.${property}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});
