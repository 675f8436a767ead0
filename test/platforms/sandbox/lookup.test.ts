import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local';
import type { DatabaseHandle } from '../../../functions/db/client';
import { sandboxPosts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import {
  PlatformError,
  type AccountCredentials,
  type PublishedPostQuery,
} from '../../../functions/platforms/connector';
import { createSandboxConnector, type SandboxConnector } from '../../../functions/platforms/sandbox';
import { getTestDatabase } from '../../support/db';
import { captureLogger } from '../../support/logger';

let handle: DatabaseHandle;
let clock: ManualClock;
let sandbox: SandboxConnector;

beforeAll(async () => {
  handle = await getTestDatabase();
  clock = new ManualClock('2026-04-02T08:00:00Z');
  sandbox = createSandboxConnector(
    { fetch, clock, logger: captureLogger() },
    { db: handle.db, publicUrl: 'https://plume.example', sleep: async () => undefined },
  );
});
afterAll(async () => handle?.close());

async function connected(): Promise<AccountCredentials> {
  const { tokens, profile } = await sandbox.connect.login({
    identifier: `look-${crypto.randomUUID().slice(0, 8)}`,
    password: 'x',
  });
  return { ...tokens, accountId: profile.accountId, handle: profile.handle };
}

const query = (
  key: string,
  text: string,
  overrides: Partial<PublishedPostQuery> = {},
): PublishedPostQuery => ({
  idempotencyKey: key,
  text,
  mediaCount: 0,
  since: new Date(clock.now().getTime() - 5 * 60_000),
  until: new Date(clock.now().getTime() + 60_000),
  ...overrides,
});

const postsOf = async (credentials: AccountCredentials) =>
  withSystem(handle.db, (tx) =>
    tx.select().from(sandboxPosts).where(eq(sandboxPosts.handle, credentials.handle!)),
  );

describe('Sandbox look-up of an interrupted publish', () => {
  it('declares its own short publish bound, and trusts an empty answer at once', () => {
    expect(sandbox.publishTimeoutMs).toBe(25_000);
    expect(sandbox.lookupSettleMs).toBe(0);
  });

  it('finds a post whose answer was lost by its idempotency marker, with its thread', async () => {
    const credentials = await connected();
    const key = crypto.randomUUID();
    const error = await sandbox
      .publish(credentials, {
        text: 'Answer lost #fail-unknown',
        media: [],
        thread: ['and a reply'],
        idempotencyKey: key,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('unknown_outcome');

    const answer = await sandbox.findPublished!(credentials, query(key, 'Answer lost #fail-unknown'));
    expect(answer.authoritative).toBe(true);
    expect(answer.matches).toHaveLength(1);
    const [match] = answer.matches;
    expect(match).toMatchObject({
      matchedBy: 'marker',
      url: `https://plume.example/api/sandbox/feed?post=${match!.platformPostId}`,
    });
    expect(match!.followUpIds).toHaveLength(1);
    const stored = await postsOf(credentials);
    expect(stored.find((post) => post.kind === 'post')!.id).toBe(match!.platformPostId);
  });

  it('keeps the marker: publishing the same target again returns the post it already has', async () => {
    const credentials = await connected();
    const key = crypto.randomUUID();
    const first = await sandbox.publish(credentials, {
      text: 'Once only',
      media: [],
      thread: ['reply'],
      idempotencyKey: key,
    });
    const again = await sandbox.publish(credentials, {
      text: 'Once only',
      media: [],
      thread: ['reply'],
      idempotencyKey: key,
    });
    expect(again).toEqual(first);
    expect(await postsOf(credentials)).toHaveLength(2);
    // Without a marker every publish is a new post, as before.
    await sandbox.publish(credentials, { text: 'Once only', media: [] });
    expect(await postsOf(credentials)).toHaveLength(3);
  });

  it('falls back to the exact text within the window, and answers an authoritative nothing', async () => {
    const credentials = await connected();
    const { platformPostId } = await sandbox.publish(credentials, {
      text: 'Posted before markers',
      media: [],
    });
    const byText = await sandbox.findPublished!(
      credentials,
      query(crypto.randomUUID(), 'Posted before markers'),
    );
    expect(byText.matches.map((m) => [m.platformPostId, m.matchedBy])).toEqual([[platformPostId, 'content']]);

    const outside = await sandbox.findPublished!(
      credentials,
      query(crypto.randomUUID(), 'Posted before markers', { since: new Date(clock.now().getTime() + 1_000) }),
    );
    expect(outside).toMatchObject({ matches: [], authoritative: true });
    const other = await sandbox.findPublished!(credentials, query(crypto.randomUUID(), 'Never posted'));
    expect(other).toMatchObject({ matches: [], authoritative: true });
    expect(other.searched).toContain(credentials.handle);
  });

  it('only searches the account it is authorised for', async () => {
    const alice = await connected();
    const bob = await connected();
    const key = crypto.randomUUID();
    await sandbox.publish(alice, { text: 'Alice only', media: [], idempotencyKey: key });
    expect((await sandbox.findPublished!(bob, query(key, 'Alice only'))).matches).toEqual([]);
    await expect(
      sandbox.findPublished!({ ...alice, accessToken: 'sandbox:someone-else' }, query(key, 'Alice only')),
    ).rejects.toMatchObject({ kind: 'auth' });
  });
});
