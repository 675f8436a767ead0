import { z } from 'zod';
import { CONTRACTS } from './contracts';
import { ROUTES, type RouteDefinition } from './route-table';

type JsonObject = Record<string, unknown>;

const PROBLEM_SCHEMA: JsonObject = {
  type: 'object',
  description: 'RFC 9457 problem details. Switch on `code`, which is stable.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * zod -> JSON Schema 2020-12 (OpenAPI 3.1's dialect). Schemas named with `.meta({ id })`
 * become components; zod puts them under `$defs`, so those are hoisted and refs rewritten.
 */
function toSchema(schema: z.ZodType, components: JsonObject, io: 'input' | 'output'): JsonObject {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonObject;
  const rewritten = JSON.parse(
    JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonObject & { $defs?: Record<string, JsonObject>; $schema?: string };
  const { $defs, $schema: _dialect, ...json } = rewritten;
  Object.assign(components, $defs);
  const id = schema.meta()?.id;
  if (typeof id === 'string' && $defs?.[id]) return json; // already a $ref to the hoisted component
  if (typeof id === 'string') {
    components[id] = json;
    return { $ref: `#/components/schemas/${id}` };
  }
  return json;
}

function parameters(route: RouteDefinition, components: JsonObject): JsonObject[] {
  const contract = CONTRACTS[route.name] ?? {};
  const list: JsonObject[] = [];
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const paramShape = contract.params?.shape ?? {};
  for (const name of pathNames) {
    const schema = paramShape[name] as z.ZodType | undefined;
    list.push({
      name,
      in: 'path',
      required: true,
      schema: schema ? toSchema(schema, components, 'input') : { type: 'string' },
    });
  }
  for (const [name, schema] of Object.entries(contract.query?.shape ?? {})) {
    const zodSchema = schema as z.ZodType;
    list.push({
      name,
      in: 'query',
      required: !zodSchema.safeParse(undefined).success,
      description: zodSchema.description,
      schema: toSchema(zodSchema, components, 'input'),
    });
  }
  return list;
}

const problemRef = (description: string): JsonObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operation(route: RouteDefinition, components: JsonObject): JsonObject {
  const contract = CONTRACTS[route.name] ?? {};
  const successStatus = String(contract.successStatus ?? 200);
  const success: JsonObject = contract.responseContentType
    ? { description: 'OK', content: { [contract.responseContentType]: { schema: { type: 'string' } } } }
    : contract.response
      ? {
          description: 'OK',
          content: { 'application/json': { schema: toSchema(contract.response, components, 'output') } },
        }
      : { description: 'OK' };
  const responses: JsonObject = { [successStatus]: success };
  for (const [status, other] of Object.entries(contract.otherResponses ?? {})) {
    responses[status] = {
      description: other.description,
      content: { 'application/json': { schema: toSchema(other.schema, components, 'output') } },
    };
  }
  if (contract.body || contract.params || contract.query) responses['400'] = problemRef('Invalid input');
  if (route.access !== 'public') {
    responses['401'] = problemRef('Not signed in');
    responses['403'] = problemRef('Role not allowed');
  }
  if (route.path.includes('{')) responses['404'] = problemRef('Not found, or in another organization');
  responses['429'] = problemRef('Rate limited');
  responses.default = problemRef('Error');
  return {
    operationId: route.name,
    summary: route.summary,
    tags: [route.area],
    'x-plume-access': route.access,
    ...(route.access === 'public'
      ? { security: [] }
      : route.credentials === 'session'
        ? { security: [{ bearerAuth: [] }] }
        : {}),
    parameters: parameters(route, components),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(contract.body, components, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for every route in the route table, built from the zod contracts. */
export function buildOpenApiDocument(options: { version?: string; serverUrl?: string } = {}): JsonObject {
  const components: JsonObject = { Problem: PROBLEM_SCHEMA };
  const paths: Record<string, JsonObject> = {};
  for (const route of ROUTES) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plume API',
      version: options.version ?? '0.1.0',
      description:
        'The Plume HTTP API. Errors are RFC 9457 problem+json with a stable `code`. Routes marked ' +
        '`x-plume-access` need that role or higher (viewer < user < manager < admin).',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    security: [{ bearerAuth: [] }, { apiKey: [] }],
    tags: [...new Set(ROUTES.map((r) => r.area))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  };
}
