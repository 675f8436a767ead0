import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, posts } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { insertAccount } from '../jobs/support/publishing-fixtures';
import type { TestClient } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';

type Problem = { status: number; code: string; errors?: { field: string; message: string }[] };

/**
 * The hostile inputs found by the outside test, each of which answered 500 through the whole
 * stack (local runtime, handlers, PostgreSQL): now a 400 problem naming the field, and nothing
 * written. The OpenAPI-driven fuzz suite (contracts-fuzz.test.ts) covers the classes at large.
 */
describe('hostile input through the whole stack', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let admin: TestClient;
  let organizationId: string;
  let accountId: string;

  const postCount = async () =>
    (
      await withSystem(env.runtime.container.db, (tx) =>
        tx.select({ n: count() }).from(posts).where(eq(posts.organizationId, organizationId)),
      )
    )[0]!.n;
  const organizationName = async () =>
    (
      await withSystem(env.runtime.container.db, (tx) =>
        tx
          .select({ name: organizations.name })
          .from(organizations)
          .where(eq(organizations.id, organizationId)),
      )
    )[0]!.name;

  /** A 400 problem+json naming exactly these fields. */
  function expectRefused(response: { status: number; headers: Headers; body: Problem }, fields: string[]) {
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors?.map((e) => e.field)).toEqual(fields);
  }

  beforeAll(async () => {
    env = await startIdentityRuntime(new Date('2031-05-01T10:00:00Z'));
    env.runtime.scheduler.stop();
    const signedUp = await env.signUp();
    admin = signedUp.client;
    organizationId = signedUp.organizationId;
    await env.verify(signedUp.email, admin);
    accountId = await insertAccount(env.runtime.container.db, organizationId, 'active', 'Alpha');
  });
  afterAll(async () => env?.stop());

  it('refuses NUL and broken Unicode in stored text, option keys and search terms', async () => {
    const before = { posts: await postCount(), name: await organizationName() };
    const target = { socialAccountId: accountId };
    expectRefused(await admin.post<Problem>('/api/posts', { content: 'a\u0000b', targets: [target] }), [
      'body.content',
    ]);
    expectRefused(
      await admin.post<Problem>('/api/posts', {
        content: 'fine',
        title: 'x\ud800',
        targets: [{ ...target, options: { 'reply\u0000To': 1 } }],
      }),
      ['body.title', 'body.targets.0.options.reply\\u0000To'],
    );
    expectRefused(await admin.put<Problem>('/api/organizations', { name: 'Evil\u0000Corp' }), ['body.name']);
    expectRefused(await admin.put<Problem>('/api/users/profile', { firstName: '\udc00' }), [
      'body.firstName',
    ]);
    expectRefused(await admin.get<Problem>('/api/posts?q=a%00b'), ['query.q']);
    expectRefused(await admin.get<Problem>('/api/media?search=%00'), ['query.search']);
    expectRefused(
      await admin.put<Problem>('/api/notifications/settings', {
        preferences: { 'post.failed\u0000': { inApp: false } },
      }),
      ['body.preferences.post.failed\\u0000'],
    );
    const csv = await admin.call<Problem>(
      'POST',
      '/api/posts/bulk-schedule',
      undefined,
      { 'content-type': 'text/csv' },
      `content,accounts,at\n"hi\u0000",${accountId},2031-06-01T10:00:00Z\n`,
    );
    expectRefused(csv, ['rows.1 (line 2).content']);
    expect({ posts: await postCount(), name: await organizationName() }).toEqual(before);
  });

  it('refuses instants, days and wall times outside what PostgreSQL and Date both hold', async () => {
    expectRefused(await admin.get<Problem>('/api/posts?from=0000-01-01T00:00:00Z'), ['query.from']);
    expectRefused(
      await admin.get<Problem>('/api/posts/calendar?from=0000-01-01&to=0000-01-05&timeZone=UTC'),
      ['query.from', 'query.to'],
    );
    expectRefused(
      await admin.post<Problem>('/api/api-keys', {
        name: 'far',
        role: 'viewer',
        scopes: ['read'],
        expiresAt: '9999-12-31T23:59:59-23:59',
      }),
      ['body.expiresAt'],
    );
    const draft = await admin.post<{ id: string }>('/api/posts', {
      content: 'later',
      targets: [{ socialAccountId: accountId }],
    });
    expect(draft.status).toBe(201);
    expectRefused(
      await admin.post<Problem>(`/api/posts/${draft.body.id}/schedule`, {
        localTime: '9999-12-31T23:00',
        timeZone: 'America/New_York',
      }),
      ['body.localTime'],
    );
  });

  it('refuses JSON nested past the limit, wherever free-form JSON is taken', async () => {
    // Built as text: this test's own JSON.stringify would overflow on it, as the server did.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const json = { 'content-type': 'application/json' };
    const settings = await admin.call<Problem>(
      'PUT',
      `/api/social-accounts/${accountId}`,
      undefined,
      json,
      `{"defaultSettings":{"a":${deep}}}`,
    );
    const post = await admin.call<Problem>(
      'POST',
      '/api/posts',
      undefined,
      json,
      `{"content":"x","targets":[{"socialAccountId":"${accountId}","options":{"a":${deep}}}]}`,
    );
    const bulk = await admin.call<Problem>('POST', '/api/posts/bulk-schedule', undefined, json, deep);
    for (const response of [settings, post, bulk]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('malformed_json');
    }
  });
});
