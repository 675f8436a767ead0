import { MAX_JSON_DEPTH } from '../shared/input-rules';
import type { RouteContract } from '../shared/contracts';
import { isRateLimited } from './rate-limits';
import { MAX_JSON_BODY_BYTES } from './request';
import type { RouteDefinition } from '../shared/route-table';

/**
 * The problem statuses of one operation, each with when it happens. Most follow from the code
 * (the pipeline in area-handler.ts applies them to every route alike) and are generated here;
 * each contract adds its own domain problems (`errors`). The contract test checks every
 * response of the test suite against the result, so a status missing here fails a test.
 */
export interface ProblemStatus {
  description: string;
  /** Name of the response component it can share (`components.responses`), when generated alone. */
  shared?: string;
}

const pascal = (text: string) => text.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());

export function problemStatuses(
  route: RouteDefinition,
  contract: RouteContract | undefined,
): Map<number, ProblemStatus> {
  const statuses = new Map<number, ProblemStatus>();
  const add = (status: number, text: string, shared?: string) => {
    const before = statuses.get(status);
    // Two reasons for one status: the operation's own description, shared by nobody.
    statuses.set(
      status,
      before ? { description: `${before.description}; ${text}` } : { description: text, shared },
    );
  };

  if (route.access !== 'public') {
    add(401, 'Not signed in, or the session or API key is no longer valid', 'Unauthenticated');
    const keys =
      route.credentials === 'session'
        ? 'API keys are refused: sign in'
        : 'or an API key lacks the `read` (GET) or `write` scope';
    const role =
      route.access === 'super-admin'
        ? 'Only platform administrators may call this'
        : `Needs the ${route.access} role or higher`;
    add(
      403,
      `${role}; ${keys}`,
      `Forbidden${pascal(route.access)}${route.credentials === 'session' ? 'SessionOnly' : ''}`,
    );
  }
  if (!contract) {
    // The pipeline answers 501 right after authentication and the role policy.
    add(501, 'Not built yet (answered only to a caller the route lets in)', 'NotBuilt');
    return statuses;
  }
  if (isRateLimited(route)) add(429, 'Too many requests; see `Retry-After`', 'RateLimited');
  add(
    400,
    'Invalid input, each field named in `errors`: a value fails its schema, text holds a control ' +
      `character or broken Unicode, or JSON nests more than ${MAX_JSON_DEPTH} levels`,
    'InvalidInput',
  );
  if (contract.body) {
    add(413, `The JSON body is over ${MAX_JSON_BODY_BYTES} bytes`, 'BodyTooLarge');
    add(415, 'The body is not `application/json`', 'NotJson');
  }
  if (route.path.includes('{'))
    add(404, 'Not found, or not visible to you (another organization)', 'NotFound');
  for (const [status, text] of Object.entries(contract.errors ?? {})) add(Number(status), text);
  add(
    500,
    'Something went wrong on the server (never expected; the response carries a `requestId`)',
    'ServerError',
  );
  add(503, 'The database is waking up; try again after `Retry-After` seconds', 'DatabaseWakingUp');
  return statuses;
}
