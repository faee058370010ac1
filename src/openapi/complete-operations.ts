import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { problemExample, problemMeaning, type ProblemStatus } from './problem-details';

export const PUBLIC_EXTENSION = 'x-public';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = '#/components/schemas/ProblemDetails';

type Schema = SchemaObject | ReferenceObject;

/**
 * What every operation has by its shape, added here once rather than on each route:
 * - security: `[]` for @Public() routes, the bearer token for every other (the guard's rule);
 * - 400 for a body or any parameter (path, query, header); 401 when signed in; 404 for an id in the path;
 * - every error response is problem+json with the one ProblemDetails schema and an example;
 * - every JSON body (request and response) has a whole-body example, built from the examples
 *   of its properties, so the linter checks them all against their schema.
 * Throws when an operation has no tag or a tag without a description.
 */
export function completeOperations(document: OpenAPIObject, knownTags: string[]): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  Object.values(schemas).forEach(nullInNullableEnums);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation: (OperationObject & { [PUBLIC_EXTENSION]?: boolean }) | undefined = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const unknown = (operation.tags ?? []).filter((tag) => !knownTags.includes(tag));
      if (!operation.tags?.length || unknown.length)
        throw new Error(`${where}: every operation needs a tag from API_TAGS (got ${JSON.stringify(operation.tags ?? [])}).`);
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      operation.security = isPublic ? [] : [{ bearer: [] }];
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const responses = operation.responses as Record<string, ResponseObject>;
      const add = (status: ProblemStatus) => (responses[status] ??= { description: problemMeaning(status) });
      // body-parser reads a JSON body on any method but GET: malformed JSON is a 400 there too; and
      // a parameter of any kind can be malformed in itself (a broken %-escape in the path is a 400)
      if (method !== 'get' || operation.requestBody || parameters.length > 0) add(400);
      if (operation.requestBody) add(413);
      if (!isPublic) add(401);
      if (parameters.some((p) => p.in === 'path')) add(404);
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) {
          response.content = {
            'application/problem+json': {
              schema: { $ref: PROBLEM_REF },
              example: problemExample(Number(status)),
            },
          };
        } else {
          addExample(response.content, schemas);
        }
      }
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
      const body = operation.requestBody as { content?: ResponseObject['content'] } | undefined;
      addExample(body?.content, schemas);
    }
  }
  return document;
}

function addExample(content: ResponseObject['content'], schemas: Record<string, Schema>): void {
  const json = content?.['application/json'];
  if (!json?.schema || json.example !== undefined || json.examples) return;
  json.example = exampleOf(json.schema, schemas);
}

/** OpenAPI 3.0.3: a nullable enum must list null among its values, or null is not valid. */
function nullInNullableEnums(schema: Schema): void {
  if ('$ref' in schema) return;
  if (schema.nullable && schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null]; // a copy: the list may be a constant of the code
  Object.values(schema.properties ?? {}).forEach(nullInNullableEnums);
  if (schema.items) nullInNullableEnums(schema.items);
}

const CYCLE = Symbol('cycle');

/** A whole example built from the schema: each property's own example, else a value of its type. */
export function exampleOf(schema: Schema, schemas: Record<string, Schema>, seen: ReadonlySet<string> = new Set()): unknown {
  if ('$ref' in schema) {
    if (seen.has(schema.$ref)) return CYCLE; // a tree (criteria children): one level is enough
    return exampleOf(schemas[schema.$ref.split('/').pop()!], schemas, new Set([...seen, schema.$ref]));
  }
  if (schema.example !== undefined) return schema.example;
  const parts = (list: Schema[]) => list.map((part) => exampleOf(part, schemas, seen)).filter((value) => value !== CYCLE);
  if (schema.allOf) return Object.assign({}, ...parts(schema.allOf));
  if (schema.oneOf?.length) return parts(schema.oneOf)[0];
  if (schema.anyOf?.length) return parts(schema.anyOf)[0];
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'array') return schema.items ? parts([schema.items]) : [];
  if (schema.properties) {
    const entries = Object.entries(schema.properties).map(
      ([name, property]) => [name, exampleOf(property, schemas, seen)] as const,
    );
    return Object.fromEntries(entries.filter(([, value]) => value !== CYCLE));
  }
  if (schema.nullable) return null;
  if (schema.type === 'string') return schema.format === 'date-time' ? '2027-03-01T12:00:00.000Z' : 'text';
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 0;
  if (schema.type === 'boolean') return true;
  return {};
}
