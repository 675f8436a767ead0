import * as z from 'zod';
import { CONTRACTS, type RouteContract } from '../shared/contracts';
import { MAX_JSON_DEPTH, SAFE_TEXT_PATTERN } from '../shared/input-rules';
import { problemStatuses } from './openapi-responses';
import { ROUTES, type RouteDefinition } from '../shared/route-table';

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
 * States the text rule of input-rules.ts on every request string and key the schema does not
 * already constrain by format, enum or pattern (all of which exclude control characters), so
 * the document refuses what the server refuses.
 */
function withTextRule(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withTextRule(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonObject;
  const isString = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  const constrained = 'enum' in schema || 'const' in schema || 'format' in schema || 'pattern' in schema;
  if (isString && !constrained) schema.pattern = SAFE_TEXT_PATTERN;
  for (const value of Object.values(schema)) withTextRule(value);
}

/**
 * zod -> JSON Schema 2020-12 (OpenAPI 3.1's dialect). Schemas named with `.meta({ id })`
 * become components; zod puts them under `$defs`, so those are hoisted and refs rewritten.
 * A component must read the same wherever it is used: one named both in a request and in a
 * response with different shapes (defaults, transforms) is a contract error, refused here.
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
  if (io === 'input') withTextRule(rewritten);
  const { $defs, $schema: _dialect, ...json } = rewritten;
  const hoist = (id: string, component: JsonObject) => {
    const before = components[id];
    if (before !== undefined && JSON.stringify(before) !== JSON.stringify(component)) {
      throw new Error(`Component ${id} reads differently in two places (${io}); give each its own id.`);
    }
    components[id] = component;
  };
  for (const [id, component] of Object.entries($defs ?? {})) hoist(id, component);
  const id = schema.meta()?.id;
  if (typeof id === 'string' && $defs?.[id]) return json; // already a $ref to the hoisted component
  if (typeof id === 'string') {
    hoist(id, json);
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

const RETRY_AFTER = { description: 'Seconds to wait before trying again', schema: { type: 'integer' } };

const problemResponse = (status: number, description: string): JsonObject => ({
  description,
  ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function successResponse(contract: RouteContract, components: JsonObject): JsonObject {
  if (contract.responseContent) {
    const content: JsonObject = {};
    for (const [type, schema] of Object.entries(contract.responseContent)) {
      content[type] = { schema: toSchema(schema, components, 'output') };
    }
    return { description: 'OK', content };
  }
  if (contract.responseContentType) {
    return { description: 'OK', content: { [contract.responseContentType]: { schema: { type: 'string' } } } };
  }
  if (contract.response) {
    return {
      description: 'OK',
      content: { 'application/json': { schema: toSchema(contract.response, components, 'output') } },
    };
  }
  return { description: contract.successStatus === 302 ? 'Redirect; see `Location`' : 'OK, no body' };
}

function requestBody(contract: RouteContract, components: JsonObject): JsonObject | undefined {
  if (contract.body) {
    return {
      required: !contract.body.safeParse(undefined).success,
      content: { 'application/json': { schema: toSchema(contract.body, components, 'input') } },
    };
  }
  if (contract.rawBody) {
    const content: JsonObject = {};
    for (const [type, schema] of Object.entries(contract.rawBody.content)) {
      content[type] = { schema: toSchema(schema, components, 'input') };
    }
    return { required: true, description: contract.rawBody.description, content };
  }
  return undefined;
}

function operation(route: RouteDefinition, components: JsonObject, shared: JsonObject): JsonObject {
  const contract = CONTRACTS[route.name];
  const responses: JsonObject = {};
  if (contract) responses[String(contract.successStatus ?? 200)] = successResponse(contract, components);
  for (const [status, other] of Object.entries(contract?.otherResponses ?? {})) {
    responses[status] = {
      description: other.description,
      content: { 'application/json': { schema: toSchema(other.schema, components, 'output') } },
    };
  }
  for (const [status, description] of Object.entries(contract?.redirects ?? {})) {
    responses[status] = {
      description,
      headers: { location: { description: 'Where the answer is', schema: { type: 'string' } } },
    };
  }
  for (const [status, { description, shared: name }] of problemStatuses(route, contract)) {
    if (responses[String(status)]) continue;
    if (!name) {
      responses[String(status)] = problemResponse(status, description);
      continue;
    }
    shared[name] ??= problemResponse(status, description);
    responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  const body = contract ? requestBody(contract, components) : undefined;
  return {
    operationId: route.name,
    summary: route.summary,
    tags: [route.area],
    'x-plume-access': route.access,
    ...(contract ? {} : { 'x-plume-status': 'planned' }),
    ...(route.access === 'public'
      ? { security: [] }
      : route.credentials === 'session'
        ? { security: [{ bearerAuth: [] }] }
        : {}),
    parameters: parameters(route, components),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for every route in the route table, built from the zod contracts. */
export function buildOpenApiDocument(options: { version?: string; serverUrl?: string } = {}): JsonObject {
  const components: JsonObject = { Problem: PROBLEM_SCHEMA };
  const shared: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of ROUTES) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(route, components, shared);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plume API',
      version: options.version ?? '0.1.0',
      description:
        'The Plume HTTP API. Errors are RFC 9457 problem+json with a stable `code`; every status ' +
        'an operation can answer is listed on it. Routes marked `x-plume-access` need that role or ' +
        'higher (viewer < user < manager < admin); `x-plume-status: planned` routes answer 501. ' +
        'Text anywhere in a request (values and keys, body, query and path) may not hold control ' +
        'characters other than tab, line feed and carriage return, nor unpaired surrogates; JSON ' +
        `may nest ${MAX_JSON_DEPTH} levels deep; instants lie between 1000-01-01 and 9999-12-31 UTC.`,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    security: [{ bearerAuth: [] }, { apiKey: [] }],
    tags: [...new Set(ROUTES.map((r) => r.area))].map((name) => ({ name })),
    paths,
    // Answered by the transport before any operation runs (API Gateway or Lambda in AWS, the
    // local server's limits locally), so they can meet any operation.
    'x-plume-transport-responses': {
      '408': { $ref: '#/components/responses/RequestTimeout' },
      '413': { $ref: '#/components/responses/RequestTooLarge' },
      '431': { $ref: '#/components/responses/HeadersTooLarge' },
    },
    components: {
      responses: {
        RequestTimeout: problemResponse(408, 'The request took more than 30 s to arrive (headers: 10 s)'),
        RequestTooLarge: problemResponse(413, 'The request is over 6 MB (Lambda’s payload limit)'),
        HeadersTooLarge: problemResponse(431, 'The request line and headers are over 10 KB'),
        ...shared,
      },
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  };
}
