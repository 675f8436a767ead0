import fc from 'fast-check';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvSecrets } from '../../functions/adapters/local/env-secrets';
import { queryRows } from '../../functions/db/rows';
import { socialAccounts } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { CONTRACTS } from '../../functions/shared/contracts';
import { buildOpenApiDocument } from '../../functions/http/openapi';
import { HttpProblem } from '../../functions/http/problem';
import { validateRequest } from '../../functions/http/request';
import { ROUTES, routeKey } from '../../functions/shared/route-table';
import { insertAccount } from '../jobs/support/publishing-fixtures';
import { httpEvent } from '../support/api-gateway';
import { TestClient } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';
import {
  encodeUrlPart,
  hostileValue,
  mutate,
  mutation,
  plausible,
  seedsFor,
  type FuzzPools,
} from '../support/openapi-fuzz';

type Schema = Record<string, unknown>;
type Operation = {
  operationId: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-plume-status'?: string;
  security?: unknown[];
};

/** Objects with the schema's own keys and arbitrary values: reaches deeper than random blobs. */
function shapedObject(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const shape = schema instanceof z.ZodObject ? schema.shape : undefined;
  if (!shape) return fc.anything();
  return fc.record(
    Object.fromEntries(
      Object.keys(shape).map((k) => [k, fc.oneof(fc.anything(), fc.string(), fc.emailAddress(), fc.uuid())]),
    ),
    { requiredKeys: [] },
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
            hostileValue,
          ),
          fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary' })),
          fc.dictionary(fc.constantFrom('id', 'token'), fc.oneof(fc.string({ unit: 'binary' }), fc.uuid())),
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
        { numRuns: 150 },
      );
    },
  );
});

/**
 * Every operation of the OpenAPI document, called as an organization admin through the real
 * local runtime on PostgreSQL, with bodies and query strings shaped like its schemas and
 * hostile in places. Each answer must be below 500 and exactly what the document says (the
 * test client checks status, content type and body); each refusal must leave every row of
 * the organization and of its admin as it was.
 */
describe('every operation over HTTP, fuzzed from the OpenAPI document', () => {
  const RUNS_PER_OPERATION = 10;
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let admin: TestClient;
  let organizationId: string;
  let userId: string;
  const pools: FuzzPools = { ids: [], byName: {} };
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const components = document.components.schemas;

  beforeAll(async () => {
    // Hundreds of calls a minute from one admin: the per-user limit is not under test here.
    process.env.API_RATE_LIMIT_PER_MINUTE = '1000000';
    env = await startIdentityRuntime(new Date('2031-01-10T10:00:00Z'));
    env.runtime.scheduler.stop();
    // Webhooks configured, so that hostile deliveries reach signature checks and parsing.
    env.runtime.container.secrets = new EnvSecrets(
      {
        PLATFORM_APPS: JSON.stringify({
          facebook: { clientId: 'fb', appSecret: 'fb-secret', webhookVerifyToken: 'verify-token' },
          twitter: { clientId: 'x', consumerSecret: 'x-secret' },
          linkedin: { clientId: 'li', clientSecret: 'li-secret' },
        }),
      },
      env.dataDir,
    );
    const signedUp = await env.signUp();
    organizationId = signedUp.organizationId;
    userId = signedUp.userId;
    await env.verify(signedUp.email, signedUp.client);
    const member = await env.addMember(signedUp.client, 'viewer');
    // Bearer only: no refresh cookie, so logout and refresh cannot end the admin's session.
    admin = new TestClient(env.runtime.url);
    admin.accessToken = signedUp.client.accessToken;
    const accounts = [
      await insertAccount(env.runtime.container.db, organizationId, 'active', 'Alpha'),
      await insertAccount(env.runtime.container.db, organizationId, 'active', 'Beta'),
    ];
    const post = await admin.post<{ id: string }>('/api/posts', {
      content: 'Fuzz target',
      targets: [{ socialAccountId: accounts[0] }],
    });
    const members = await admin.get<{ members: { id: string; userId: string }[] }>(
      '/api/organizations/members',
    );
    const memberId = members.body.members.find((m) => m.userId === member.userId)!.id;
    pools.ids.push(...accounts, post.body.id, memberId, organizationId);
    pools.byName = {
      socialAccount: accounts,
      accountId: accounts,
      '/api/social-accounts/': accounts,
      '/api/posts/': [post.body.id],
      '/api/organizations/members/': [memberId],
      organizationId: [organizationId],
    };
  });
  afterAll(async () => env?.stop());

  /** A checksum of every row of the organization and of its admin, in one round trip. */
  let fingerprintQuery: ReturnType<typeof sql> | undefined;
  async function fingerprint(): Promise<string> {
    const db = env.runtime.container.db;
    if (!fingerprintQuery) {
      const tables = await queryRows<{ table_name: string }>(
        db,
        sql`select table_name from information_schema.columns
            where table_schema = 'public' and column_name = 'organization_id' order by table_name`,
      );
      const rowsOf = (table: string, where: string) =>
        `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "${table}" t where ${where})`;
      const parts = [
        ...tables.map(({ table_name }) => rowsOf(table_name, `t.organization_id = '${organizationId}'`)),
        rowsOf('organizations', `t.id = '${organizationId}'`),
        ...['auth_tokens', 'consents', 'data_export_requests'].map((table) =>
          rowsOf(table, `t.user_id = '${userId}'`),
        ),
        // Sessions: only how many (authenticating touches last_used_at).
        `(select count(*)::text from user_sessions t where t.user_id = '${userId}')`,
      ];
      fingerprintQuery = sql.raw(`select md5(concat_ws(',', ${parts.join(', ')})) as print`);
    }
    const rows = await withSystem(db, (tx) => queryRows<{ print: string }>(tx, fingerprintQuery!));
    return rows[0]!.print;
  }

  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );

  /**
   * Requests for one operation: a seed the server's own validation accepts (path, query and
   * body drawn from the document), with one hostile change anywhere in it.
   */
  function requestFor({ path, method, operation }: (typeof operations)[number]) {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    const content = operation.requestBody?.content ?? {};
    const bodySchema = content['application/json']?.schema;
    const route = ROUTES.find((r) => r.name === operation.operationId)!;
    const contract = CONTRACTS[route.name] ?? {};
    const draw = fc.record({
      params: fc.record(
        Object.fromEntries(pathParams.map((p) => [p.name, plausible(p.schema, components, pools)])),
      ),
      query: fc.record(
        Object.fromEntries(
          queryParams.map((p) => [p.name, plausible(p.schema, components, pools, 0, p.name)]),
        ),
        { requiredKeys: [] },
      ),
      body:
        bodySchema && method !== 'GET' ? plausible(bodySchema, components, pools) : fc.constant(undefined),
    });
    const accepts = (candidate: unknown): boolean => {
      const { params, query, body } = candidate as Record<string, Record<string, unknown> | undefined>;
      const strings = (record: Record<string, unknown> | undefined) =>
        Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, String(v)]));
      try {
        validateRequest(
          httpEvent(routeKey(route), {
            params: strings(params),
            query: strings(query),
            body: body === undefined ? undefined : JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }),
          contract,
        );
        return true;
      } catch {
        return false;
      }
    };
    const seeds = seedsFor(draw, accepts);
    const seed = seeds.length > 0 ? fc.constantFrom(...seeds) : draw;
    const types = Object.keys(content);
    return fc
      .record({
        request: fc.tuple(seed, mutation).map(([value, change]) => mutate(value, change)),
        contentType: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...(types.length ? types : ['application/json'])) },
          { weight: 1, arbitrary: fc.constant('text/plain') },
        ),
      })
      .map(({ request, contentType }) => {
        const { params, query, body } = request as Record<string, unknown>;
        let url = path;
        for (const p of pathParams) {
          const value = (params as Record<string, unknown> | undefined)?.[p.name];
          url = url.replace(
            `{${p.name}}`,
            encodeUrlPart(typeof value === 'string' ? value : String(JSON.stringify(value))),
          );
        }
        const search = Object.entries((query as Record<string, unknown> | undefined) ?? {})
          .map(
            ([k, v]) =>
              `${encodeUrlPart(k)}=${encodeUrlPart(typeof v === 'string' ? v : String(JSON.stringify(v)))}`,
          )
          .join('&');
        const raw =
          body === undefined || method === 'GET'
            ? undefined
            : contentType === 'text/csv'
              ? `content,accounts,at\n${JSON.stringify(JSON.stringify(body))},${pools.ids[0]},2032-06-15T09:30:00Z\n`
              : JSON.stringify(body);
        const built = { method, url: search ? `${url}?${search}` : url, raw, contentType };
        // fast-check prints a failing request with this: short, so a 3,000-item body stays readable.
        const shown = `${method} ${built.url.slice(0, 200)} [${contentType}] ${raw?.slice(0, 300) ?? ''}`;
        return Object.assign(built, { [fc.toStringMethod]: () => shown, toString: () => shown });
      });
  }

  it('never answers 5xx, answers as documented, and writes nothing when it refuses', async () => {
    const seen = new Map<string, Set<number>>();
    let baseline = await fingerprint();
    // Deletions last, so that the other operations meet the fixtures they were given.
    const ordered = [...operations].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    for (const entry of ordered) {
      // The fixture accounts may have been deactivated by an earlier operation: each operation
      // meets them connected, so that its requests can get as far as a success.
      await withSystem(env.runtime.container.db, (tx) =>
        tx
          .update(socialAccounts)
          .set({ status: 'active', isActive: true })
          .where(inArray(socialAccounts.id, pools.byName.socialAccount!)),
      );
      baseline = await fingerprint();
      const statuses = new Set<number>();
      seen.set(entry.operation.operationId, statuses);
      await fc.assert(
        fc.asyncProperty(requestFor(entry), async (request) => {
          // Public routes are limited per IP: a second a call lets the buckets refill (the
          // admin's access token, 15 minutes on this clock, outlives the ~200 such calls).
          if (entry.operation.security?.length === 0) env.clock.advance(1_000);
          const headers: Record<string, string> =
            request.raw === undefined ? {} : { 'content-type': request.contentType };
          // The test client throws when the answer is not what the document says for it.
          const response = await admin.call<{ code?: string }>(
            request.method,
            request.url,
            undefined,
            headers,
            request.raw,
          );
          statuses.add(response.status);
          const label = String(request);
          const answer = String(JSON.stringify(response.body)).slice(0, 300);
          // Planned routes answer 501 (documented) to a caller they let in; nothing else may be 5xx.
          const planned = entry.operation['x-plume-status'] === 'planned' && response.status === 501;
          if (!planned) expect(response.status, `${label} -> ${answer}`).toBeLessThan(500);
          // What a success queued (an export, a mail) finishes before the next baseline is taken.
          if (response.status < 400) await env.runtime.queue.drained();
          const after = await fingerprint();
          if (response.status >= 400) expect(after, `${label} was refused but changed data`).toBe(baseline);
          baseline = after;
        }),
        {
          numRuns: entry.operation['x-plume-status'] === 'planned' ? 2 : RUNS_PER_OPERATION,
          endOnFailure: true,
        },
      );
    }
    // Every operation was called, and many got as far as a success (the fuzz reaches past
    // validation into the operations and the database).
    expect(seen.size).toBe(ROUTES.length);
    const succeeded = [...seen.values()].filter((statuses) => [...statuses].some((s) => s < 300));
    expect(succeeded.length).toBeGreaterThanOrEqual(30);
    // A budget, not a speed claim: ten calls per operation, each followed by a fingerprint of
    // every tenant table; it grows with the routes and tables (about 150 s here, 2 cores).
  }, 420_000);
});
