import type { FieldProblem } from './domain/domain-error';

/** The largest JSON body read: a full bid (answers up to 20 000 characters each, commitments) is over Express's 100 kB default. */
export const BODY_LIMIT_MB = 2;

/** Deeper than any body the API takes (a bid's commitments are 3 levels); far below what would exhaust the stack. */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /\p{Surrogate}/u;
const MAX_FIELD_CHARS = 200;

function fieldOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const readable = key.replace(/\p{Surrogate}/gu, '\uFFFD');
  return parent === '' ? readable : `${parent}.${readable}`;
}

/**
 * The first thing wrong with the shape of a parsed JSON body, before anything recursive
 * (class-transformer, class-validator) touches it: nesting deeper than MAX_BODY_DEPTH, or a
 * lone UTF-16 surrogate in a key or a string (not text; some validators throw on it and
 * PostgreSQL cannot store it). Iterative, so a body nested thousands of levels deep costs
 * a loop, not the stack. Pure: no framework imports.
 */
export function bodyShapeProblem(body: unknown): FieldProblem | null {
  if (Array.isArray(body))
    return { field: 'body', message: 'The request body must be a JSON object, written { … }, not a list.' };
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: body, field: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, field, depth } = pending.pop()!;
    const name = (field === '' ? 'body' : field).slice(0, MAX_FIELD_CHARS);
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        return {
          field: name,
          message:
            'This text contains a broken character (half of a two-part character such as an emoji). Remove it and send it again.',
        };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      return {
        field: name,
        message: `This is nested too deeply: the request can be at most ${MAX_BODY_DEPTH} levels deep. Send a flatter body.`,
      };
    }
    if (Array.isArray(value)) {
      // pushed last-first, so problems are found in document order
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ value: value[index] as unknown, field: fieldOf(field, index), depth: depth + 1 });
      }
      continue;
    }
    const entries = Object.entries(value);
    for (const [key] of entries) {
      if (LONE_SURROGATE.test(key)) {
        return {
          field: fieldOf(field, key).slice(0, MAX_FIELD_CHARS),
          message:
            'This field name contains a broken character (half of a two-part character such as an emoji). Remove it and send it again.',
        };
      }
    }
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      pending.push({ value: entries[index][1], field: fieldOf(field, entries[index][0]), depth: depth + 1 });
    }
  }
  return null;
}
