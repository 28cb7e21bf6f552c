// The OpenAPI 3.1 document for /api/v1, generated from the routes' own zod schemas.
import { z } from 'zod';
import { errorSchema } from './api.schemas.ts';
import type { ApiRoute } from './api.ts';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of what a client sends or receives. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** One OpenAPI parameter per property of an object schema (path or query). */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** What a 404 means on each part of the API, by the path's first segment. */
const NOT_FOUND: Record<string, string> = {
  plans: 'There is no such plan.',
  actions: 'There is no such action.',
  measures: 'There is no such measure.',
  dashboards: 'There is no such dashboard.',
  rounds: 'There is no such reporting round.',
  snapshots: 'There is no such snapshot.',
  reports: 'There is no such snapshot, or no such report.',
};

/** A change to an action is refused (409) when someone changed it since the version given, or its plan is archived; no other change is. */
const conflictOf = (r: ApiRoute): string | null =>
  r.method === 'POST' && r.url.startsWith('/actions/') ? 'Someone changed the action since the given version, or its plan is archived; nothing was saved.' : null;

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(routes: readonly ApiRoute[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const conflict = conflictOf(r);
    const path = `/api/v1${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const operation = {
      operationId: `${r.method.toLowerCase()}${r.url.replace(/:([A-Za-z]+)/g, 'By-$1').replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      ...(r.description !== undefined ? { description: r.description } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body !== undefined ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: r.files === undefined ? 'Done' : `Done: JSON, or ${Object.values(r.files).join(', ')} as the format asks`,
          content: {
            'application/json': { schema: jsonSchema(r.response, 'output') },
            ...Object.fromEntries(Object.keys(r.files ?? {}).map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
          },
        },
        '400': errorResponse('A query parameter or body field is not valid; `field` names it and nothing was changed.'),
        '401': errorResponse('No API token, or one that is not valid (see the WWW-Authenticate header).'),
        '403': errorResponse("The token's holder may not do this; nothing was read or changed."),
        ...(r.params !== undefined ? { '404': errorResponse(NOT_FOUND[r.url.split('/')[1]!] ?? 'There is no such record.') } : {}),
        ...(conflict !== null ? { '409': errorResponse(conflict) } : {}),
      },
      security: [{ bearer: [] }],
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = operation;
  }
  paths['/api/v1/openapi.json'] = {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      security: [],
      responses: { '200': { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parentis API',
      version: '1',
      description:
        'Plans, actions, their history and risks for the signed-in authority. Send an API token as "Authorization: Bearer <token>" ' +
        '(an administrator creates one with "parentis token create --user EMAIL"). The token holder\'s role decides what they may do, as on the pages.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from "parentis token create".' } },
    },
  };
}
