import fc from 'fast-check';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  postBid,
  addPanelist,
  declare,
  panelBid,
  panelTender,
  panelTenderInEvaluation,
  type Panelist,
  type PanelWorld,
  createTender,
} from '../steps';

/**
 * Issue 11: hostile JSON against every route that changes something, enumerated from the
 * OpenAPI document (a route added later is fuzzed without touching this file), each called
 * by a role that may call it, on ids of a seeded tender. Whatever the body: never a 5xx,
 * every error is problem+json, and every 400 names its fields.
 */
type Schema = { $ref?: string; example?: unknown; properties?: Record<string, Schema>; allOf?: Schema[]; items?: Schema };
interface Operation {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Property names and examples of the documented body, or null when the route takes none. */
  body: Record<string, unknown> | null;
}

const SEED = 1100;
const RUNS_WITH_BODY = 20;
const RUNS_WITHOUT_BODY = 6;

const LONE_SURROGATES = ['\ud800', 'a\udfff', '\udc00\ud83d', 'ok \ud83d'];
const deepObject = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const deepArray = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Values that break assumptions: wrong types, nulls, edge numbers, odd text, depth, size. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.005,
    1e308,
    -1e308,
    2 ** 53 + 2,
    0.1 + 0.2,
    '',
    '   ',
    '0',
    'null',
    'true',
  ),
  fc.constantFrom<unknown>(...LONE_SURROGATES),
  fc.constantFrom<unknown>('x'.repeat(25_000), '👍'.repeat(20_001), 'word '.repeat(5_000), '=HYPERLINK("http://x")'),
  fc.constantFrom<unknown>('2027-02-30T25:00:00Z', '2027-01-31', 'not-a-date', '3b241101-e2bb-4255-8caf-4136c566a962', 'Q1', 'P'),
  fc.constantFrom<unknown>([], [null], {}, { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
  fc.constantFrom<unknown>(
    deepObject(40),
    deepArray(40),
    deepObject(31),
    Array.from({ length: 400 }, (_, i) => ({ criterion: `Q${i}`, text: 'x' })),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * The JSON text of a body for `operation`: each documented field given its example, a hostile
 * value, or left out; sometimes extra fields; sometimes not an object; sometimes thousands of
 * levels deep (as text: such a value would overflow the stack of the test itself).
 */
function bodyFor(operation: Operation): fc.Arbitrary<string> {
  const fields = operation.body ?? {};
  const names = Object.keys(fields);
  // the documented example with up to three fields replaced by hostile values or left out
  const record = fc
    .tuple(
      fc.subarray(names, { maxLength: Math.min(3, names.length) }),
      fc.array(fc.option(hostileValue, { nil: undefined, freq: 4 }), { minLength: 3, maxLength: 3 }),
    )
    .map(([chosen, values]) => {
      const body: Record<string, unknown> = { ...fields };
      chosen.forEach((name, index) => {
        if (values[index] === undefined) delete body[name];
        else body[name] = values[index];
      });
      return body;
    });
  const withExtras = fc.tuple(
    record,
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...LONE_SURROGATES)), hostileValue, { maxKeys: 2 }),
  );
  const first = JSON.stringify(Object.keys(fields)[0] ?? 'x');
  return fc.oneof(
    { weight: 6, arbitrary: record.map((body) => JSON.stringify(body)) },
    { weight: 2, arbitrary: withExtras.map(([body, extras]) => JSON.stringify({ ...extras, ...body })) },
    {
      weight: 1,
      arbitrary: hostileValue
        .filter((value) => value !== null && typeof value === 'object')
        .map((value) => JSON.stringify(value)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        `{${first}:${'['.repeat(2000)}${']'.repeat(2000)}}`,
      ),
    },
  );
}

/** A documented example for a schema: its own, else one built from its properties or items; undefined when there is none. */
function exampleOf(document: { components?: { schemas?: Record<string, Schema> } }, schema: Schema, depth = 0): unknown {
  const resolved = resolve(document, schema);
  if (schema.example !== undefined || resolved.example !== undefined) return schema.example ?? resolved.example;
  if (depth > 4) return undefined;
  if (resolved.items) return [exampleOf(document, resolved.items, depth + 1)];
  if (resolved.properties) {
    return Object.fromEntries(
      Object.entries(resolved.properties)
        .map(([name, property]) => [name, exampleOf(document, property, depth + 1)] as const)
        .filter(([, value]) => value !== undefined),
    );
  }
  return undefined;
}

/** What a person reads: sentences (a capital or a quote first, a full stop last), no route names, no code words. */
function isPlainSentence(text: unknown): boolean {
  return (
    typeof text === 'string' &&
    /^["A-Z0-9]/.test(text) &&
    /[.]$/.test(text) &&
    !/\/api\/|\$property|should not exist|must be a string|conforming to/.test(text)
  );
}

function resolve(document: { components?: { schemas?: Record<string, Schema> } }, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  while (current.$ref) current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
  return current;
}

describe('fuzzing every route that takes a body (OpenAPI-enumerated)', () => {
  let t: TestApp;
  let world: PanelWorld;
  let panelist: Panelist;
  let draftTenderId: string;
  let operations: Operation[];
  let userId: string;
  /** A published tender before its deadline, where bidders[0] has a draft bid: the bid routes work there. */
  let open: { tenderId: string; bidId: string };

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    panelist = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, panelist, world.bidIds);
    draftTenderId = await createTender(t, world.commissioner.token);
    const openTender = await panelTender(t);
    const draftBid = await postBid(t, world.bidders[0], openTender.tenderId, panelBid('Mind in Camden')).expect(201);
    open = { tenderId: openTender.tenderId, bidId: draftBid.body.id as string };
    userId = (await t.user('panelist')).id;
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    operations = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const schema = operation.requestBody
          ? resolve(document, operation.requestBody.content?.['application/json']?.schema)
          : null;
        const properties = schema
          ? {
              ...Object.assign({}, ...(schema.allOf ?? []).map((part) => resolve(document, part).properties ?? {})),
              ...(schema.properties ?? {}),
            }
          : null;
        const body = properties
          ? Object.fromEntries(
              Object.entries(properties as Record<string, Schema>).map(([name, property]) => [
                name,
                exampleOf(document, property) ?? 'x',
              ]),
            )
          : null;
        operations.push({ method: method as Operation['method'], path, body });
      }
    }
    // Routes that end something (a tender, a bid, a seat) go last, so the others still reach their rules.
    const ending = (operation: Operation) =>
      /cancel|award/.test(operation.path)
        ? 2
        : Number(operation.method === 'delete' || /disqualify|withdraw/.test(operation.path));
    operations.sort((a, b) => ending(a) - ending(b));
  });
  afterAll(async () => {
    await t.close();
  });

  function callerFor(operation: Operation): SignedIn | null {
    const { method, path } = operation;
    if (path.startsWith('/api/auth/')) return null;
    if (/^\/api\/(users|admin|audit)/.test(path))
      return { ...world.commissioner, auth: { Authorization: `Bearer ${t.adminToken}` } };
    if (/\/declarations\/|\/scores\//.test(path)) return panelist;
    if (/\/bids$/.test(path)) return world.bidders[1];
    if (/\/bids\/\{bidId\}(\/(submit|withdraw))?$/.test(path) && method !== 'delete') return world.bidders[0];
    return world.commissioner;
  }

  function urlFor(operation: Operation): string {
    const onDraft =
      /\/criteria/.test(operation.path) || (operation.method === 'patch' && operation.path === '/api/tenders/{tenderId}');
    const onOpen = /\/bids(\/\{bidId\}(\/(submit|withdraw))?)?$/.test(operation.path);
    const values: Record<string, string> = {
      tenderId: onDraft ? draftTenderId : onOpen ? open.tenderId : world.tenderId,
      bidId: onOpen ? open.bidId : world.bidIds[0],
      memberId: panelist.memberId,
      criterion: 'Q1',
      criterionId: 'Q1',
      userId,
      key: 'social-value-model',
    };
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
  }

  it('finds the routes: every body-taking route of the contract is in the list', () => {
    const withBody = operations.filter((operation) => operation.body).map((operation) => `${operation.method} ${operation.path}`);
    expect(withBody).toEqual(
      expect.arrayContaining([
        'post /api/auth/login',
        'post /api/auth/register',
        'post /api/auth/invitation',
        'post /api/users',
        'post /api/tenders',
        'patch /api/tenders/{tenderId}',
        'post /api/tenders/{tenderId}/criteria',
        'post /api/tenders/{tenderId}/bids',
        'patch /api/tenders/{tenderId}/bids/{bidId}',
        'put /api/tenders/{tenderId}/bids/{bidId}/scores/{criterion}',
        'put /api/tenders/{tenderId}/bids/{bidId}/moderated/{criterion}',
        'put /api/tenders/{tenderId}/declarations/{bidId}',
        'post /api/tenders/{tenderId}/panel',
        'post /api/tenders/{tenderId}/cancel',
      ]),
    );
  });

  it('never answers 5xx; every error is problem+json; every 400 names its fields', async () => {
    const statuses = new Map<string, number>();
    for (const operation of operations) {
      const caller = callerFor(operation);
      const url = urlFor(operation);
      await fc.assert(
        fc.asyncProperty(bodyFor(operation), async (body) => {
          let request = t.http()[operation.method](url).set('Content-Type', 'application/json');
          if (caller) request = request.set(caller.auth);
          const response = await request.send(body);
          const tally = `${operation.method} ${operation.path} ${response.status}`;
          statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
          const where = `${operation.method.toUpperCase()} ${operation.path} → ${response.status} ${response.text.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(where);
          if (response.status >= 400 && !/^application\/problem\+json/.test(response.headers['content-type'] ?? ''))
            throw new Error(`not problem+json: ${where}`);
          const answer = response.body as { detail?: unknown; errors?: { message?: unknown }[] };
          for (const text of [answer.detail, ...(Array.isArray(answer.errors) ? answer.errors.map((e) => e.message) : [])]) {
            if (response.status >= 400 && !isPlainSentence(text))
              throw new Error(`not a plain sentence: ${JSON.stringify(text)} in ${where}`);
          }
          if (response.status === 400) {
            const errors = (response.body as { errors?: unknown }).errors;
            const named =
              Array.isArray(errors) &&
              errors.length > 0 &&
              errors.every(
                (e: { field?: unknown; message?: unknown }) => typeof e.field === 'string' && typeof e.message === 'string',
              );
            if (!named) throw new Error(`400 without errors[].field: ${where}`);
          }
        }),
        { seed: SEED, numRuns: operation.body ? RUNS_WITH_BODY : RUNS_WITHOUT_BODY, endOnFailure: true },
      );
    }
    if (process.env.FUZZ_REPORT) console.log([...statuses].map(([key, count]) => `${key}: ${count}`).join('\n'));
    // Not only the validation gate: some bodies get through to the services' rules and succeed.
    expect([...statuses.keys()].filter((key) => / 2\d\d$/.test(key)).length).toBeGreaterThanOrEqual(5);
  });
});
