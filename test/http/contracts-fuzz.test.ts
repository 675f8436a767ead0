import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTRACTS } from '../../functions/http/contracts';
import { HttpProblem } from '../../functions/http/problem';
import { validateRequest } from '../../functions/http/request';
import { ROUTES, routeKey } from '../../functions/http/route-table';
import { httpEvent } from '../support/api-gateway';
import { startIdentityRuntime } from '../support/identity-runtime';

/** Objects with the schema's own keys and arbitrary values: reaches deeper than random blobs. */
function shapedObject(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const shape = schema instanceof z.ZodObject ? schema.shape : undefined;
  if (!shape) return fc.anything();
  const keys = Object.keys(shape);
  return fc.record(
    Object.fromEntries(
      keys.map((k) => [k, fc.oneof(fc.anything(), fc.string(), fc.emailAddress(), fc.uuid())]),
    ),
    {
      requiredKeys: [],
    },
  );
}

describe('every request validator, fuzzed', () => {
  const routes = ROUTES.filter(
    (r) => CONTRACTS[r.name]?.body || CONTRACTS[r.name]?.query || CONTRACTS[r.name]?.params,
  );

  it('covers every route that takes input', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it.each(routes.map((r) => [r.name, r] as const))(
    '%s: random input is accepted or refused with a 4xx problem',
    (_name, route) => {
      const contract = CONTRACTS[route.name]!;
      fc.assert(
        fc.property(
          fc.oneof(
            shapedObject(contract.body),
            fc.json().map((j) => JSON.parse(j) as unknown),
          ),
          fc.dictionary(fc.string({ maxLength: 10 }), fc.string()),
          fc.dictionary(fc.constantFrom('id', 'token'), fc.oneof(fc.string(), fc.uuid())),
          (body, query, params) => {
            const event = httpEvent(routeKey(route), {
              body: JSON.stringify(body),
              query,
              params,
              headers: { 'content-type': 'application/json' },
            });
            try {
              validateRequest(event, contract);
            } catch (error) {
              expect(error).toBeInstanceOf(HttpProblem);
              expect((error as HttpProblem).status).toBeGreaterThanOrEqual(400);
              expect((error as HttpProblem).status).toBeLessThan(500);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});

describe('identity routes over HTTP, fuzzed', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  it('never answers 5xx to random bodies on the public and admin write routes', async () => {
    const admin = await env.signUp();
    const targets = [
      'register',
      'login',
      'resetPassword',
      'verifyEmail',
      'acceptInvitation',
      'createApiKey',
      'updateProfile',
      'updateOrganization',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), shapedObject(undefined), async (name, body) => {
        const route = ROUTES.find((r) => r.name === name)!;
        const contract = CONTRACTS[name]!;
        const shaped = fc.sample(shapedObject(contract.body), 1)[0];
        env.clock.advance(61_000); // stay clear of per-IP rate limits; they are not under test here
        for (const payload of [body, shaped]) {
          const { status } = await admin.client.call(
            route.method,
            route.path.replace('/api', '/api'),
            payload,
          );
          expect(status, `${name} ${JSON.stringify(payload)}`).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
