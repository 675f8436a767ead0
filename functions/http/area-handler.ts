import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { getContainer, type Container } from '../adapters/container';
import { runInRequestTransaction } from '../db/request-transaction';
import { enforceAccess, enforceApiKeyScope } from './access';
import type { AuthContext } from './auth-context';
import { authenticate, invalidAccessToken, type Authenticated } from './authenticate';
import type { ContractsByName, RouteContract } from '../shared/contracts';
// Every failed check's wording (zod's global customError), for areas whose contracts do not
// import contracts/common.ts themselves.
import '../shared/contracts/error-messages';
import { problemErrors } from './middleware/problem-errors';
import { enforceRateLimit } from './rate-limits';
import { HttpProblem } from './problem';
import { validateRequest, type ValidatedInput } from './request';
import { establishClientAddress } from './request-origin';
import type { AreaOperations, OperationContext, OperationResult } from './operation';
import {
  routeKey,
  routesOfArea,
  type Area,
  type RouteDefinition,
  type RouteNamesOf,
} from '../shared/route-table';

/**
 * The contracts an area's Lambda passes in: its own area's (contracts/<area>.ts), exactly the
 * ones `Operation<Name>` was typed from, so the bundle holds only that area's schemas.
 */
export type ContractsOfArea<InArea extends Area> = Pick<
  ContractsByName,
  RouteNamesOf<InArea> & keyof ContractsByName
>;

/**
 * How the pipeline holds an operation: input validated against the route's contract at run
 * time, which is what `Operation<Name>` promises the implementation at compile time.
 */
type ValidatedOperation = (
  input: ValidatedInput,
  context: Omit<OperationContext, 'route' | 'auth'> & {
    route: RouteDefinition;
    auth: AuthContext | undefined;
  },
) => Promise<OperationResult>;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

function toResponse(
  result: OperationResult,
  contract: RouteContract | undefined,
): APIGatewayProxyStructuredResultV2 {
  const status = result.status ?? contract?.successStatus ?? 200;
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
  // Already sent by the runtime's response sink: nothing is left to answer here.
  if (result.streamed) return { statusCode: status, headers };
  if (result.text !== undefined) {
    headers['content-type'] = result.contentType ?? 'text/plain; charset=utf-8';
    return { statusCode: status, headers, body: result.text, cookies: result.cookies };
  }
  if (result.body === undefined)
    return { statusCode: status === 200 ? 204 : status, headers, cookies: result.cookies };
  headers['content-type'] = 'application/json; charset=utf-8';
  return { statusCode: status, headers, body: JSON.stringify(result.body), cookies: result.cookies };
}

/**
 * Builds the Lambda handler of one area from that area's contracts and operations:
 * `createAreaHandler('media', mediaContracts, { listMedia, getMedia, ... })`. The compiler
 * holds the map to the area's route names and each operation to its route's types
 * (functions/http/operation.ts); the check below repeats the first at run time.
 * Order matters: find the route, authenticate and apply the route's role policy, refuse what
 * is not built yet, rate-limit, validate input, run. Errors leave as problem+json through the
 * `problemErrors` middleware.
 */
export function createAreaHandler<InArea extends Area>(
  area: InArea,
  areaContracts: ContractsOfArea<InArea>,
  areaOperations: AreaOperations<InArea>,
): Handler {
  // By plain name from here on: the route found at run time picks its contract and operation,
  // and the types above already tied each name to both.
  const contracts: Readonly<Record<string, RouteContract | undefined>> = areaContracts;
  const operations = areaOperations as Readonly<Record<string, ValidatedOperation | undefined>>;
  const routes = new Map(routesOfArea(area).map((r) => [routeKey(r), r]));
  for (const name of Object.keys(operations)) {
    if (![...routes.values()].some((r) => r.name === name)) {
      throw new Error(`Operation ${name} is not a route of area ${area}`);
    }
  }

  let container: Container | undefined;

  const run = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes.get(event.routeKey);
    if (!route) throw new HttpProblem(404, 'not_found', `No route ${event.routeKey}.`);
    container = await getContainer();
    // Before anything reads the caller's address (authentication audits it, limits count by it).
    await establishClientAddress(event, container);
    if (route.access === 'public') return handle(event, route, container, undefined);
    const readOnly = route.readOnly === true;
    const authenticated = await authenticate(event, container, { readOnly, pipelined: readOnly });
    if (!authenticated) return handle(event, route, container, undefined);
    if (!authenticated.verdict) return inRequestTransaction(event, route, container, authenticated);
    // The caller check went out with the operation's queries: nothing leaves before its verdict.
    const [verdict, answered] = await Promise.all([
      authenticated.verdict,
      settle(inRequestTransaction(event, route, container, authenticated)),
    ]);
    if (verdict === 'refused') throw invalidAccessToken();
    if (verdict === 'changed') {
      // Live session, different caller (a new role): what ran assumed the old one. Again,
      // checked first this time.
      const checked = await authenticate(event, container, { readOnly });
      if (!checked) throw invalidAccessToken();
      return inRequestTransaction(event, route, container, checked);
    }
    if (!answered.ok) throw answered.error;
    return answered.value;
  };

  /**
   * Runs the operation in the transaction the caller check left open for the operation's
   * first tenant transaction (functions/db/request-transaction.ts); whatever happens, it ends
   * here.
   */
  const inRequestTransaction = async (
    event: APIGatewayProxyEventV2,
    route: RouteDefinition,
    container: Container,
    { transaction, auth }: Authenticated,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      return await runInRequestTransaction(transaction, () => handle(event, route, container, auth));
    } finally {
      await transaction.release();
    }
  };

  const handle = async (
    event: APIGatewayProxyEventV2,
    route: RouteDefinition,
    container: Container,
    auth: AuthContext | undefined,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    enforceAccess(route.access, auth);
    enforceApiKeyScope(route, auth);
    // Only a caller the route would let in learns that it is not built yet: anonymous callers
    // and the wrong roles get the same 401/403 as for a built route.
    const operation = operations[route.name];
    if (!operation) {
      throw new HttpProblem(501, 'not_implemented', `${route.name} (${routeKey(route)}) is not built yet.`, {
        extensions: { route: route.name },
      });
    }
    const rateLimitHeaders = await enforceRateLimit(container, route, event, auth);
    const contract = contracts[route.name];
    const input = validateRequest(event, contract ?? {});
    const requestId = event.requestContext?.requestId ?? 'local';
    const result = await operation(input, { event, container, route, auth, requestId });
    return toResponse({ ...result, headers: { ...rateLimitHeaders, ...result.headers } }, contract);
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(problemErrors(() => container?.logger ?? console))
    .handler(run) as unknown as Handler;
}
