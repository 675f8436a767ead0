import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument } from '../../functions/http/openapi';
import { RouteMatcher } from '../../functions/local/route-matcher';
import type { LocalRuntimeOptions } from '../../functions/local/runtime';

/**
 * Checks an HTTP response of the API against what the OpenAPI document says of its operation:
 * the status is listed, the content type is one listed for that status (none when the
 * document lists none), errors are problem+json, and the body is valid against the schema
 * (JSON Schema 2020-12, OpenAPI 3.1's dialect, with Ajv). The test client and every local
 * runtime the tests start run each response through it, so the whole suite keeps the document
 * honest.
 */
export interface ApiExchange {
  method: string;
  /** The request path, e.g. `/api/posts/0b5f…` (a query string is ignored). */
  path: string;
  status: number;
  contentType: string | undefined;
  /** The body as text; undefined or '' when there is none. */
  body: string | undefined;
}

type JsonObject = Record<string, unknown>;
type Response = { $ref?: string; content?: Record<string, unknown> };
type RuntimeExchange = Parameters<NonNullable<LocalRuntimeOptions['onApiResponse']>>[0];

const DOCUMENT_ID = 'https://plume.dev/openapi.json';
const document = buildOpenApiDocument() as JsonObject & { paths: Record<string, Record<string, JsonObject>> };
// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema({ ...document, $id: DOCUMENT_ID });
const matcher = new RouteMatcher();
const validators = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** The validator of a schema, by its JSON pointer in the document (compiled once). */
function validatorAt(...parts: string[]): ValidateFunction {
  const ref = `${DOCUMENT_ID}#/${pointer(...parts)}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

const sharedResponses = (document.components as { responses: Record<string, Response> }).responses;
const transportResponses = (document['x-plume-transport-responses'] ?? {}) as Record<string, Response>;

/**
 * Where the response of this status is described: the operation's own, a shared component it
 * refers to, or one the transport can answer for any operation; `at` is its JSON pointer.
 */
function responseFor(
  path: string,
  method: string,
  operation: { responses: Record<string, Response> },
  status: string,
): { response: Response; at: string[] } | undefined {
  const own = operation.responses[status] ?? transportResponses[status];
  if (!own) return undefined;
  if (typeof own.$ref === 'string') {
    const name = own.$ref.split('/').pop()!;
    return { response: sharedResponses[name]!, at: ['components', 'responses', name] };
  }
  return { response: own, at: ['paths', path, method, 'responses', status] };
}

/** What is wrong with this exchange, in words; empty when it is what the document says. */
export function contractViolations(exchange: ApiExchange): string[] {
  const url = new URL(exchange.path, 'http://local');
  const match = matcher.match(exchange.method, url.pathname);
  // Unknown paths and methods are the router's answers, not an operation's.
  if (match.kind !== 'route') return [];
  const method = exchange.method.toLowerCase();
  const operation = document.paths[match.route.path]?.[method] as
    { operationId: string; responses: Record<string, Response> } | undefined;
  const where = `${exchange.method} ${match.route.path} (${match.route.name}) answered ${exchange.status}`;
  if (!operation) return [`${where}: the operation is not in the document`];
  const found = responseFor(match.route.path, method, operation, String(exchange.status));
  if (!found) {
    return [
      `${where}, a status the document does not list (it lists ${Object.keys(operation.responses).join(', ')}): ${exchange.body?.slice(0, 300)}`,
    ];
  }
  const type = exchange.contentType?.split(';')[0]?.trim().toLowerCase();
  const hasBody = exchange.body !== undefined && exchange.body !== '';
  const types = Object.keys(found.response.content ?? {});
  if (types.length === 0) return hasBody ? [`${where} with a body the document does not describe`] : [];
  if (!type || !types.includes(type))
    return [`${where} as ${type ?? 'no content type'}; the document says ${types.join(' or ')}`];
  let value: unknown = exchange.body ?? '';
  if (type.endsWith('json')) {
    try {
      value = JSON.parse(exchange.body ?? '');
    } catch {
      return [`${where} with a body that is not JSON: ${exchange.body?.slice(0, 200)}`];
    }
  }
  const validate = validatorAt(...found.at, 'content', type, 'schema');
  if (validate(value)) return [];
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('; ');
  return [`${where} with a body that breaks its schema: ${errors}`];
}

/** Collects violations from a local runtime's `onApiResponse`, to fail the test file at the end. */
export class ContractRecorder {
  readonly violations: string[] = [];

  readonly record = (exchange: ApiExchange): void => {
    this.violations.push(...contractViolations(exchange));
  };

  /** For `startLocalRuntime({ onApiResponse })`: the handler's result as API Gateway sends it. */
  readonly onApiResponse = ({ method, path, result }: RuntimeExchange): void => {
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    const body =
      result.body !== undefined && result.isBase64Encoded
        ? Buffer.from(result.body, 'base64').toString('utf8')
        : result.body;
    this.record({
      method,
      path,
      status: result.statusCode ?? 200,
      contentType: headers['content-type'],
      body,
    });
  };

  /** Throws when any response broke the document: call it where the runtime stops. */
  assertClean(): void {
    if (this.violations.length === 0) return;
    const unique = [...new Set(this.violations)];
    throw new Error(`Responses that break the OpenAPI document:\n- ${unique.slice(0, 20).join('\n- ')}`);
  }
}
