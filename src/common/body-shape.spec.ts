import { bodyShapeProblem, MAX_BODY_DEPTH } from './body-shape';

describe('the shape of a parsed body, before validation', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

  it('accepts ordinary bodies, emoji included', () => {
    expect(bodyShapeProblem({ responses: [{ criterion: 'Q1', text: 'Good 👍' }], price: 1 })).toBeNull();
    expect(bodyShapeProblem(undefined)).toBeNull();
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH))).toBeNull();
  });

  it('refuses nesting deeper than the limit, naming where, without recursing (10 000 levels)', () => {
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH + 1))).toMatchObject({ field: `a${'.a'.repeat(MAX_BODY_DEPTH - 1)}` });
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(bodyShapeProblem({ list: deep })?.message).toMatch(/nested too deeply/);
  });

  it('refuses lone surrogates in values and keys, naming the field, in document order', () => {
    expect(bodyShapeProblem({ name: 'ok', email: 'a\ud800@example.org', other: '\udc00' })).toMatchObject({ field: 'email' });
    expect(bodyShapeProblem({ responses: [{ text: 'fine' }, { text: 'x\udfff' }] })).toMatchObject({
      field: 'responses[1].text',
    });
    expect(bodyShapeProblem({ ['k\ud800']: 1 })).toMatchObject({
      field: 'k\ufffd',
      message: expect.stringMatching(/field name/),
    });
  });
});
