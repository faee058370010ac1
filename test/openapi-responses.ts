import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'superagent';

/**
 * Every response an e2e suite receives, checked against docs/openapi.json: the status is one
 * the operation declares, and a JSON body validates against that response's schema. Routes the
 * document does not describe (web pages, /api/docs, unknown addresses) are not checked.
 * OPENAPI_RESPONSES=off skips the check; =report prints violations without failing.
 */
type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}
interface Route {
  template: string;
  pattern: RegExp;
  operations: Record<string, Operation>;
}

const DOCUMENT_ID = 'https://tender-scorer.test/openapi.json';
let shared: { routes: Route[]; ajv: Ajv } | undefined;

/** Standard JSON Schema for what OpenAPI 3.0 writes as `nullable` next to `allOf` (Ajv reads nullable only beside a type). */
function nullableAllOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableAllOf);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Json = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, nullableAllOf(value)]));
  if (copy.nullable === true && copy.allOf) {
    const { nullable: _nullable, ...rest } = copy;
    return { anyOf: [{ enum: [null] }, rest] };
  }
  return copy;
}

function load(): { routes: Route[]; ajv: Ajv } {
  if (shared) return shared;
  const document = JSON.parse(readFileSync(resolve(__dirname, '../docs/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
    components: Json;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: nullableAllOf(document.components) });
  const routes = Object.entries(document.paths)
    .map(([template, operations]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operations,
      params: (template.match(/\{/g) ?? []).length,
    }))
    // a literal segment wins over a parameter: /scores/mine before /bids/{bidId}
    .sort((a, b) => a.params - b.params);
  shared = { routes, ajv };
  return shared;
}

export class ResponseRecorder {
  private readonly violations: string[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  checked = 0;

  record(method: string, url: string, response: Response): void {
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return;
    const { routes, ajv } = load();
    const route = routes.find((candidate) => candidate.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()];
    if (!route || !operation) return;
    this.checked++;
    const where = `${method.toUpperCase()} ${route.template} → ${response.status}`;
    const declared = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!declared) {
      this.violations.push(`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`);
      return;
    }
    const type = String(response.headers['content-type'] ?? '').split(';')[0];
    if (!/json$/.test(type) || response.status === 204) return;
    const schema = declared.content?.[type]?.schema;
    if (!schema) {
      this.violations.push(
        `${where}: no schema for ${type} (declared: ${Object.keys(declared.content ?? {}).join(', ') || 'none'})`,
      );
      return;
    }
    const key = `${route.template} ${method} ${response.status} ${type}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = ajv.compile(
        nullableAllOf(JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, `"${DOCUMENT_ID}#/components`))) as Json,
      );
      this.validators.set(key, validate);
    }
    if (!validate(response.body)) {
      const errors = (validate.errors ?? []).slice(0, 3).map((error) => {
        const found = JSON.stringify(
          error.instancePath
            .split('/')
            .slice(1)
            .reduce<unknown>((value, key) => (value as Json | undefined)?.[key], response.body),
        );
        return `${error.instancePath || '/'} ${error.message} (${JSON.stringify(error.params)}; found ${found?.slice(0, 80)})`;
      });
      this.violations.push(`${where}: body does not match the schema: ${errors.join('; ')}`);
    }
  }

  fail(violation: string): void {
    this.violations.push(violation);
  }

  /** Each distinct violation once, with how often it happened. */
  report(): string[] {
    const counts = new Map<string, number>();
    for (const violation of this.violations) counts.set(violation, (counts.get(violation) ?? 0) + 1);
    return [...counts].map(([violation, count]) => (count > 1 ? `${violation} (×${count})` : violation));
  }

  get count(): number {
    return this.violations.length;
  }
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** Wraps a supertest agent so every request it makes is recorded when its response arrives. */
export function recording<T extends object>(agent: T, recorder: ResponseRecorder): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (
          value as (...args: unknown[]) => { on: (event: string, listener: (response: Response) => void) => unknown }
        ).call(target, url, ...rest);
        test.on('response', (response) => {
          try {
            recorder.record(property, url, response);
          } catch (error) {
            recorder.fail(`${property.toUpperCase()} ${url}: the check itself failed: ${String(error)}`); // never break the request
          }
        });
        return test;
      };
    },
  });
}
