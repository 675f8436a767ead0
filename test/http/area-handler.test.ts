import { afterEach, describe, expect, it } from 'vitest';
import { setContainer, type Container } from '../../functions/adapters/container';
import { createAreaHandler } from '../../functions/http/area-handler';
import { postsContracts } from '../../functions/shared/contracts/posts';
import { systemContracts } from '../../functions/shared/contracts/system';
import { webhooksContracts } from '../../functions/shared/contracts/webhooks';
import type { ResponseBodyOf } from '../../functions/http/operation';
import { HttpProblem } from '../../functions/http/problem';
import { localLambdaContext } from '../../functions/local/lambda-context';
import { httpEvent } from '../support/api-gateway';
import { captureLogger } from '../support/logger';

const context = localLambdaContext('test');
const HEALTHY: ResponseBodyOf<'getHealth'> = {
  status: 'ok',
  version: 'test',
  time: '2026-01-01T00:00:00.000Z',
  database: { ok: true },
};
const logger = captureLogger();
// Only what the pipeline itself touches; operations under test use nothing else.
const container = { logger } as unknown as Container;

describe('createAreaHandler', () => {
  afterEach(() => setContainer(undefined));

  it('refuses an operation that is not a route of its area at construction', () => {
    // The compiler refuses it too (test/http/operation-types.test.ts); this is the run-time net
    // for a map built where the types cannot see it.
    // @ts-expect-error getHealth is a route of the system area
    expect(() => createAreaHandler('posts', postsContracts, { getHealth: async () => ({}) })).toThrow(
      /not a route of area posts/,
    );
  });

  it('answers 501 problem+json naming a route that is not built yet, to a caller it would let in', async () => {
    setContainer(container);
    const handler = createAreaHandler('webhooks', webhooksContracts, {});
    const result = await handler(httpEvent('POST /api/webhooks/stripe'), context);
    expect(result.statusCode).toBe(501);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body ?? '')).toMatchObject({
      status: 501,
      code: 'not_implemented',
      route: 'receiveStripeWebhook',
      instance: '/api/webhooks/stripe',
      requestId: 'req-1',
    });
  });

  it('authenticates before saying a protected route is not built: anonymous callers get 401', async () => {
    setContainer(container);
    const handler = createAreaHandler('posts', postsContracts, {});
    const result = await handler(httpEvent('GET /api/posts/calendar'), context);
    expect(result.statusCode).toBe(401);
    expect(result.body).not.toContain('getCalendar');
  });

  it('refuses an unauthenticated call to a protected route with 401 before running it', async () => {
    setContainer(container);
    let ran = false;
    const handler = createAreaHandler('posts', postsContracts, {
      listPosts: async () => {
        ran = true;
        return { body: { posts: [], total: 0, page: 1, limit: 20 } };
      },
    });
    const result = await handler(httpEvent('GET /api/posts'), context);
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? '').code).toBe('unauthorized');
    expect(ran).toBe(false);
  });

  it('turns thrown problems into their status and unknown errors into a bare 500', async () => {
    setContainer(container);
    const handler = createAreaHandler('system', systemContracts, {
      getHealth: async () => {
        throw new HttpProblem(409, 'conflict', 'already');
      },
      getOpenApiDocument: async () => {
        throw new Error('secret internals at /srv/db');
      },
    });
    const conflict = await handler(httpEvent('GET /api/health'), context);
    expect(conflict.statusCode).toBe(409);
    const crash = await handler(httpEvent('GET /api/openapi.json'), context);
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret internals');
    expect(JSON.parse(crash.body ?? '').code).toBe('internal_error');
    // The error itself goes to the logger, which describes it from safe fields (adapters/local/logger).
    const logged = logger.entries.find((e) => e.level === 'error');
    expect((logged?.extra[0] as { error?: Error } | undefined)?.error?.message).toBe(
      'secret internals at /srv/db',
    );
  });

  it('serialises JSON bodies, text bodies and empty results', async () => {
    setContainer(container);
    const handler = createAreaHandler('system', systemContracts, {
      getHealth: async () => ({ body: HEALTHY }),
      getOpenApiDocument: async () => ({ text: '<p>', contentType: 'text/html' }),
      getApiReference: async () => ({}),
    });
    const json = await handler(httpEvent('GET /api/health'), context);
    expect(json).toMatchObject({ statusCode: 200, body: JSON.stringify(HEALTHY) });
    expect(json.headers?.['content-type']).toContain('application/json');
    expect(await handler(httpEvent('GET /api/openapi.json'), context)).toMatchObject({ body: '<p>' });
    expect((await handler(httpEvent('GET /api/docs'), context)).statusCode).toBe(204);
  });

  it("validates input with the area's own contracts, in the people-facing words", async () => {
    setContainer(container);
    let ran = false;
    const handler = createAreaHandler('webhooks', webhooksContracts, {
      verifyFacebookWebhook: async ({ query }) => {
        ran = true;
        return { text: query['hub.challenge'] };
      },
    });
    const refused = await handler(
      httpEvent('GET /api/webhooks/facebook', { query: { 'hub.mode': 'subscribe' } }),
      context,
    );
    expect(refused.statusCode).toBe(400);
    expect(ran).toBe(false);
    const { errors } = JSON.parse(refused.body ?? '') as { errors: { field: string; message: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(['query.hub.challenge', 'query.hub.verify_token']);
    // contracts/error-messages.ts wording (area-handler.ts installs it for areas such as this
    // one whose contracts do not import contracts/common.ts).
    expect(errors.map((e) => e.message)).toEqual(['Required', 'Required']);
  });
});
