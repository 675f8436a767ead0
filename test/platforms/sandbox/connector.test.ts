import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local';
import type { DatabaseHandle } from '../../../functions/db/client';
import { sandboxAccounts, sandboxPosts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
} from '../../../functions/platforms/connector';
import {
  SANDBOX_RATE_LIMIT_RESET_SECONDS,
  SANDBOX_SLOW_RESPONSE_MS,
  createSandboxConnector,
  sandboxEngagement,
  type SandboxConnector,
} from '../../../functions/platforms/sandbox';
import { sandboxPostsByIds } from '../../../functions/platforms/sandbox/store';
import { getTestDatabase } from '../../support/db';
import { captureLogger } from '../../support/logger';

const PUBLIC_URL = 'https://plume.example';
let handle: DatabaseHandle;
let clock: ManualClock;
let slept: number[];

beforeAll(async () => {
  handle = await getTestDatabase();
});
afterAll(async () => handle?.close());

function connector(timeoutMs?: number): SandboxConnector {
  clock = new ManualClock('2026-03-10T11:00:00Z');
  slept = [];
  return createSandboxConnector(
    { fetch, clock, logger: captureLogger(), ...(timeoutMs ? { timeoutMs } : {}) },
    {
      db: handle.db,
      publicUrl: `${PUBLIC_URL}/`,
      sleep: async (ms) => {
        slept.push(ms);
      },
    },
  );
}

/** Handles are global on the sandbox and the database may be shared: make each test's own. */
const uniqueHandle = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

async function connected(sandbox: SandboxConnector, name = 'ada'): Promise<AccountCredentials> {
  const { tokens, profile } = await sandbox.connect.login({
    identifier: uniqueHandle(name),
    password: 'anything at all',
  });
  return { ...tokens, accountId: profile.accountId, handle: profile.handle };
}

const draft = (text: string, extra: Partial<PostDraft> = {}): PostDraft => ({ text, media: [], ...extra });

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

async function postsBy(handleName: string) {
  return withSystem(handle.db, (tx) =>
    tx.select().from(sandboxPosts).where(eq(sandboxPosts.handle, handleName)),
  );
}

describe('Sandbox connect', () => {
  it('accepts any handle with any password, creates the account once, and normalises the handle', async () => {
    const sandbox = connector();
    const name = uniqueHandle('Grace');
    const first = await sandbox.connect.login({ identifier: `@${name.toUpperCase()} `, password: '' });
    expect(first.profile).toEqual({
      accountId: name.toLowerCase(),
      name: expect.stringMatching(/^Grace /),
      handle: name.toLowerCase(),
      profileUrl: `${PUBLIC_URL}/api/sandbox/feed?handle=${name.toLowerCase()}`,
      extra: { timeZone: 'UTC', followers: expect.any(Number) },
    });
    expect(first.tokens).toEqual({ accessToken: `sandbox:${name.toLowerCase()}`, scopes: ['read', 'write'] });
    const again = await sandbox.connect.login({ identifier: name, password: 'different' });
    expect(again).toEqual(first);
    const rows = await withSystem(handle.db, (tx) =>
      tx.select().from(sandboxAccounts).where(eq(sandboxAccounts.handle, name.toLowerCase())),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses what cannot be a handle, and bad audience settings, as permanent errors', async () => {
    const sandbox = connector();
    for (const identifier of ['', 'has space', '-leading', 'x'.repeat(31), 'émile']) {
      const error = await rejection(sandbox.connect.login({ identifier, password: 'x' }));
      expect(error.kind).toBe('permanent');
    }
    expect(
      (
        await rejection(
          sandbox.connect.connectAccount({ handle: uniqueHandle('tz'), timeZone: 'Mars/Olympus' }),
        )
      ).kind,
    ).toBe('permanent');
    expect(
      (await rejection(sandbox.connect.connectAccount({ handle: uniqueHandle('f'), followers: -1 }))).kind,
    ).toBe('permanent');
  });

  it('lets a demo set the audience zone and size', async () => {
    const sandbox = connector();
    const name = uniqueHandle('paris');
    const { profile } = await sandbox.connect.connectAccount({
      handle: name,
      timeZone: 'Europe/Paris',
      followers: 5_000,
    });
    expect(profile.extra).toEqual({ timeZone: 'Europe/Paris', followers: 5_000 });
  });
});

describe('Sandbox publish and read back', () => {
  it('stores text, media, a thread and a first comment, and links to the feed page', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const media: MediaItem[] = [
      {
        id: 'm1',
        kind: 'image',
        mimeType: 'image/png',
        bytes: 1_000,
        url: 'https://media.example/one.png',
        altText: 'One',
      },
      { id: 'm2', kind: 'image', mimeType: 'image/jpeg', bytes: 2_000, url: 'https://media.example/two.jpg' },
    ];
    const published = await sandbox.publish(
      credentials,
      draft('Launch day! What should we build next? #plume', {
        media,
        thread: ['Part two', 'Part three'],
        firstComment: 'Docs: https://example.com',
      }),
    );
    expect(published.url).toBe(`${PUBLIC_URL}/api/sandbox/feed?post=${published.platformPostId}`);
    expect(published.followUpIds).toHaveLength(3);
    expect(published.warnings).toBeUndefined();

    const [root, reply1, reply2, comment] = await sandboxPostsByIds(handle.db, [
      published.platformPostId,
      ...published.followUpIds!,
    ]).then((rows) =>
      [published.platformPostId, ...published.followUpIds!].map((id) => rows.find((r) => r.id === id)),
    );
    expect(root).toMatchObject({
      handle: credentials.handle,
      kind: 'post',
      replyToId: null,
      text: 'Launch day! What should we build next? #plume',
      media: [
        { kind: 'image', url: 'https://media.example/one.png', mimeType: 'image/png', altText: 'One' },
        { kind: 'image', url: 'https://media.example/two.jpg', mimeType: 'image/jpeg' },
      ],
      publishedAt: clock.now(),
      timeZone: 'UTC',
      threadReplies: 1,
    });
    expect(reply1).toMatchObject({ kind: 'reply', replyToId: root!.id, text: 'Part two' });
    expect(reply2).toMatchObject({ kind: 'reply', replyToId: reply1!.id, text: 'Part three' });
    expect(comment).toMatchObject({
      kind: 'comment',
      replyToId: root!.id,
      text: 'Docs: https://example.com',
    });
  });

  it('reports engagement from the model, growing as the clock moves, and skips unknown ids', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const { platformPostId } = await sandbox.publish(credentials, draft('Metrics please'));
    const [stored] = await sandboxPostsByIds(handle.db, [platformPostId]);

    const atStart = await sandbox.fetchMetrics(credentials, [platformPostId]);
    expect(atStart).toEqual([
      {
        platformPostId,
        impressions: 0,
        reach: 0,
        likes: 0,
        comments: 0,
        shares: 0,
        clicks: 0,
        saves: 0,
        fetchedAt: clock.now(),
      },
    ]);

    clock.advance(6 * 3_600_000);
    const later = await sandbox.fetchMetrics(credentials, [platformPostId, crypto.randomUUID(), 'not-an-id']);
    expect(later).toEqual([
      { platformPostId, ...sandboxEngagement(stored!, clock.now()), fetchedAt: clock.now() },
    ]);
    expect(later[0]!.impressions).toBeGreaterThan(0);
    expect(later[0]!.reach).toBeLessThanOrEqual(later[0]!.impressions!);
  });

  it('refuses drafts that break the rules with the reasons, and posts nothing', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const error = await rejection(sandbox.publish(credentials, draft('x'.repeat(501))));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('501 characters');
    expect(error.details).toMatchObject({ status: 400, platformCode: 'text_too_long' });
    expect(await postsBy(credentials.handle!)).toEqual([]);
  });

  it('treats a token that does not match its account, or a vanished account, as an auth failure', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    expect(
      (await rejection(sandbox.publish({ ...credentials, accessToken: 'sandbox:someone-else' }, draft('hi'))))
        .kind,
    ).toBe('auth');
    await withSystem(handle.db, (tx) =>
      tx.delete(sandboxAccounts).where(eq(sandboxAccounts.handle, credentials.handle!)),
    );
    const gone = await rejection(sandbox.publish(credentials, draft('hi')));
    expect(gone.kind).toBe('auth');
    expect(gone.message).toContain('no longer exists');
    expect((await rejection(sandbox.fetchMetrics(credentials, [crypto.randomUUID()]))).kind).toBe('auth');
  });
});

describe('Sandbox failure markers', () => {
  it.each([
    ['#fail-transient', 'transient', 503, 5],
    ['#fail-ratelimit', 'rate_limited', 429, SANDBOX_RATE_LIMIT_RESET_SECONDS],
    ['#fail-auth', 'auth', 401, undefined],
    ['#fail-permanent', 'permanent', 400, undefined],
  ] as const)(
    '%s fails every attempt as %s and stores nothing',
    async (marker, kind, status, retryAfterSeconds) => {
      const sandbox = connector();
      const credentials = await connected(sandbox);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const error = await rejection(sandbox.publish(credentials, draft(`Demo ${marker}`)));
        expect(error.kind).toBe(kind);
        expect(error.message).toContain(marker);
        expect(error.details.status).toBe(status);
        expect(error.details.retryAfterSeconds).toBe(retryAfterSeconds);
      }
      expect(await postsBy(credentials.handle!)).toEqual([]);
    },
  );

  it('a counted marker fails that draft the first N attempts, then publishes it once', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const text = 'Retry me #fail-transient-2';
    const first = await rejection(sandbox.publish(credentials, draft(text)));
    expect(first.message).toContain('attempt 1 of 2');
    // Another draft has its own count.
    expect((await rejection(sandbox.publish(credentials, draft(`${text} (other)`)))).message).toContain(
      'attempt 1 of 2',
    );
    expect((await rejection(sandbox.publish(credentials, draft(text)))).message).toContain('attempt 2 of 2');
    const published = await sandbox.publish(credentials, draft(text));
    expect((await postsBy(credentials.handle!)).map((p) => p.id)).toEqual([published.platformPostId]);
  });

  it('counts attempts atomically when deliveries race', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => sandbox.publish(credentials, draft('Race #fail-ratelimit-3'))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('#fail-unknown stores the post and then loses the answer (unknown outcome)', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const error = await rejection(sandbox.publish(credentials, draft('Did it go out? #fail-unknown')));
    expect(error.kind).toBe('unknown_outcome');
    expect(await postsBy(credentials.handle!)).toHaveLength(1);
  });

  it('#slow outlasts the default timeout: the post exists but the caller hears nothing', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const error = await rejection(sandbox.publish(credentials, draft('Taking my time #slow')));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.message).toContain('no answer within 30000 ms');
    expect(slept).toEqual([30_000]);
    expect(await postsBy(credentials.handle!)).toHaveLength(1);
  });

  it('#slow within a patient timeout answers late but normally', async () => {
    const sandbox = connector(60_000);
    const credentials = await connected(sandbox);
    const published = await sandbox.publish(credentials, draft('Taking my time #slow'));
    expect(published.platformPostId).toMatch(/^[0-9a-f-]{36}$/);
    expect(slept).toEqual([SANDBOX_SLOW_RESPONSE_MS]);
  });

  it('a marker in a follow-up fails that follow-up only: the post is live and the caller is warned', async () => {
    const sandbox = connector();
    const credentials = await connected(sandbox);
    const published = await sandbox.publish(
      credentials,
      draft('Main post', {
        thread: ['reply one', 'reply two #fail-transient', 'reply three'],
        firstComment: 'comment #fail-permanent',
      }),
    );
    expect(published.followUpIds).toHaveLength(1);
    expect(published.warnings).toEqual([
      'Reply 2 was not posted: the Sandbox network answered a simulated transient failure; the 1 reply(ies) after it were not posted either.',
      'The first comment was not posted: the Sandbox network answered a simulated permanent failure.',
    ]);
    expect((await postsBy(credentials.handle!)).map((p) => p.text).sort()).toEqual([
      'Main post',
      'reply one',
    ]);
  });
});
