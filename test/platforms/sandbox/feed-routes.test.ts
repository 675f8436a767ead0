import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import {
  createSandboxConnector,
  followersAt,
  sandboxEngagement,
  type SandboxConnector,
} from '../../../functions/platforms/sandbox';
import { sandboxPostsByIds } from '../../../functions/platforms/sandbox/store';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { captureLogger } from '../../support/logger';

let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
let sandbox: SandboxConnector;
let client: TestClient;
let credentials: AccountCredentials;
let handleName: string;
let postId: string;
let threadPostId: string;

beforeAll(async () => {
  env = await startIdentityRuntime(new Date('2026-03-10T09:00:00Z'));
  // No options: the database and public address come in the context, as the registry builds
  // it from the container in the local runtime and in Lambda.
  sandbox = createSandboxConnector({
    fetch,
    clock: env.clock,
    logger: captureLogger(),
    database: env.runtime.container.db,
    publicUrl: env.runtime.container.env.PUBLIC_URL,
  });
  client = new TestClient(env.runtime.url);
  handleName = `feed-${crypto.randomUUID().slice(0, 8)}`;
  const { tokens, profile } = await sandbox.connect.connectAccount({
    handle: handleName,
    timeZone: 'Europe/Paris',
    followers: 3_000,
  });
  credentials = { ...tokens, accountId: profile.accountId, handle: profile.handle };
  postId = (
    await sandbox.publish(credentials, {
      text: 'First <b>post</b> with a link https://example.com/x?a=1&b=2 and @nobody #hello',
      media: [],
    })
  ).platformPostId;
  env.clock.advance(60_000);
  threadPostId = (
    await sandbox.publish(credentials, {
      text: 'A thread',
      media: [
        {
          id: 'i',
          kind: 'image',
          mimeType: 'image/png',
          bytes: 10,
          url: 'https://media.example/p.png',
          altText: 'Plot "quoted"',
        },
      ],
      thread: ['Second part'],
      firstComment: 'A comment',
    })
  ).platformPostId;
  env.clock.advance(3 * 3_600_000);
}, 120_000);
afterAll(async () => env?.stop());

describe('GET /api/sandbox/feed', () => {
  it('shows recent posts, escaped, with engagement as of the clock', async () => {
    const response = await client.get<string>(`/api/sandbox/feed?handle=${handleName}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = response.body;
    expect(html).toContain('First &lt;b&gt;post&lt;/b&gt;');
    expect(html).not.toContain('<b>post</b>');
    expect(html).toContain('<a href="https://example.com/x?a=1&amp;b=2" rel="nofollow noopener noreferrer">');
    expect(html).toContain(`href="/api/sandbox/feed?handle=nobody">@nobody</a>`);
    expect(html).toContain(
      '<img loading="lazy" src="https://media.example/p.png" alt="Plot &quot;quoted&quot;">',
    );
    expect(html).toContain('audience in Europe/Paris');
    // Newest first; top-level posts only on the feed.
    expect(html.indexOf(`data-post-id="${threadPostId}"`)).toBeLessThan(
      html.indexOf(`data-post-id="${postId}"`),
    );
    expect(html).not.toContain('Second part');

    const [stored] = await sandboxPostsByIds(env.runtime.container.db, [postId]);
    const metrics = sandboxEngagement(stored!, env.clock.now());
    expect(metrics.impressions).toBeGreaterThan(0);
    const article = html.slice(html.indexOf(`data-post-id="${postId}"`));
    expect(article).toContain(
      `<div data-metric="impressions"><dt>impressions</dt><dd title="${metrics.impressions}">`,
    );
    expect(article).toContain(`<div data-metric="likes"><dt>likes</dt><dd title="${metrics.likes}">`);
  });

  it('shows one post with its replies and comments', async () => {
    const response = await client.get<string>(`/api/sandbox/feed?post=${threadPostId}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('Second part');
    expect(response.body).toContain('A comment');
    expect(response.body).not.toContain('First &lt;b&gt;post');
  });

  it('pages with `before` and `limit`', async () => {
    const first = await client.get<string>(`/api/sandbox/feed?handle=${handleName}&limit=1`);
    expect(first.body).toContain(`data-post-id="${threadPostId}"`);
    const older = /href="([^"]+)">Older posts</.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toBeDefined();
    const second = await client.get<string>(older!);
    expect(second.body).toContain(`data-post-id="${postId}"`);
    expect(second.body).not.toContain(`data-post-id="${threadPostId}"`);
    expect(second.body).not.toContain('Older posts');
  });

  it('answers 404 for an unknown account or post and 400 for a malformed query', async () => {
    expect(
      (await client.get(`/api/sandbox/feed?handle=nobody-${crypto.randomUUID().slice(0, 8)}`)).status,
    ).toBe(404);
    expect((await client.get(`/api/sandbox/feed?post=${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await client.get<{ code: string; errors: { field: string }[] }>(
      '/api/sandbox/feed?limit=1000&post=nope&extra=1',
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    // An unknown key is reported at its own path (http/input-rules.ts).
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['query.extra', 'query.limit', 'query.post']);
  });

  it('never fails with a 5xx whatever the query string holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('handle', 'post', 'before', 'limit', 'x'),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constant(handleName), fc.uuid()),
        ),
        async (query) => {
          const response = await client.get(`/api/sandbox/feed?${new URLSearchParams(query).toString()}`);
          expect([200, 400, 404]).toContain(response.status);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('GET /api/sandbox/accounts/{handle}', () => {
  it('returns the account, its audience and recent posts with metrics, as JSON', async () => {
    const response = await client.get<{
      handle: string;
      timeZone: string;
      followers: number;
      profileUrl: string;
      posts: { id: string; url: string; metrics: { reach: number; impressions: number } }[];
    }>(`/api/sandbox/accounts/${handleName.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      handle: handleName,
      displayName: expect.any(String),
      timeZone: 'Europe/Paris',
      // The audience grows slowly with the account's age (3 hours here).
      followers: followersAt(3_000, new Date('2026-03-10T09:00:00Z'), env.clock.now()),
    });
    expect(response.body.followers).toBeGreaterThanOrEqual(3_000);
    expect(response.body.posts.map((p) => p.id)).toEqual([threadPostId, postId]);
    const [stored] = await sandboxPostsByIds(env.runtime.container.db, [threadPostId]);
    expect(response.body.posts[0]!.metrics).toEqual(sandboxEngagement(stored!, env.clock.now()));
    expect(response.body.posts[0]!.url).toBe(
      `${env.runtime.container.env.PUBLIC_URL.replace(/\/$/, '')}/api/sandbox/feed?post=${threadPostId}`,
    );
  });

  it('answers 404 for an unknown handle and 400 for an impossible one', async () => {
    expect((await client.get(`/api/sandbox/accounts/nobody-${crypto.randomUUID().slice(0, 8)}`)).status).toBe(
      404,
    );
    expect((await client.get('/api/sandbox/accounts/%20bad%20handle')).status).toBe(400);
  });
});
