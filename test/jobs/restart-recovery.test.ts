import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postPlatforms, posts } from '../../functions/db/schema';
import { sandboxPosts } from '../../functions/db/schema/sandbox';
import { withSystem } from '../../functions/db/tenant';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime';
import {
  ensureSandboxAccount,
  insertSandboxPosts,
  sandboxPostIdFor,
} from '../../functions/platforms/sandbox/store';
import { TestClient } from '../support/http-client';
import { STRONG_PASSWORD } from '../support/identity-runtime';

/**
 * A local runtime restarted on the same database after dying mid-batch: what was in its
 * in-memory queue goes out at once, and claims cut off mid-call settle by looking the post up
 * on the (Sandbox) network as soon as their lease runs out. Its own PGlite database: this
 * runtime sweeps at start, at the real time, and must not touch other files' targets.
 */
describe('restart after a crash mid-publishing (local runtime, Sandbox)', () => {
  let dataDir: string;
  let runtime: LocalRuntime | undefined;
  const savedDatabaseUrl = process.env.DATABASE_URL;

  const start = (sweep: boolean) =>
    startLocalRuntime({ port: 0, host: '127.0.0.1', dataDir, webDist: join(dataDir, 'no-web'), sweep });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plume-restart-'));
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    await runtime?.stop();
    if (savedDatabaseUrl !== undefined) process.env.DATABASE_URL = savedDatabaseUrl;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes lost messages at once and settles cut-off claims within their lease, none doubled', async () => {
    // The process that dies: an account, and three targets in the states a kill leaves behind.
    runtime = await start(false);
    const client = new TestClient(runtime.url);
    const registered = await client.post<{ accessToken: string; user: { organization: { id: string } } }>(
      '/api/auth/register',
      {
        email: `restart-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: STRONG_PASSWORD,
        firstName: 'Ada',
        lastName: 'Lovelace',
        organizationName: 'Restarts',
        acceptTerms: true,
      },
    );
    expect(registered.status).toBe(201);
    client.accessToken = registered.body.accessToken;
    const handle = `restart-${crypto.randomUUID().slice(0, 6)}`;
    const connected = await client.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: handle,
    });
    expect(connected.status).toBe(201);
    const organizationId = registered.body.user.organization.id;
    const { db } = runtime.container;
    const now = Date.now();
    const target = async (content: string, status: 'scheduled' | 'publishing', ageMs: number) =>
      withSystem(db, async (tx) => {
        const [post] = await tx.insert(posts).values({ organizationId, content }).returning();
        const [row] = await tx
          .insert(postPlatforms)
          .values({
            organizationId,
            postId: post!.id,
            socialAccountId: connected.body.account.id,
            status,
            version: 1,
            attempts: status === 'publishing' ? 1 : 0,
            scheduledAt: new Date(now - ageMs),
            updatedAt: new Date(now - ageMs),
          })
          .returning();
        return row!.id;
      });
    // Its message was in the dead process's memory; its schedule had already fired.
    const lostMessage = await target('Lost with the queue', 'scheduled', 10_000);
    // Claimed, then killed before the call reached the network.
    const neverSent = await target('Claimed but never sent', 'publishing', 60_000);
    // Claimed, stored by the network, killed before the answer was recorded.
    const answerLost = await target('Stored, answer lost', 'publishing', 60_000);
    const account = await ensureSandboxAccount(db, handle, new Date(now));
    const [storedId] = await insertSandboxPosts(
      db,
      account,
      new Date(now - 59_000),
      { text: 'Stored, answer lost', media: [] },
      [],
      sandboxPostIdFor(handle, answerLost),
    );
    await runtime.stop();

    // The restart: the sweep runs at start.
    const restartedAt = Date.now();
    runtime = await start(true);
    const ids = [lostMessage, neverSent, answerLost];
    const rows = async () =>
      withSystem(runtime!.container.db, (tx) =>
        tx.select().from(postPlatforms).where(inArray(postPlatforms.id, ids)),
      );
    await expect
      .poll(async () => (await rows()).map((row) => row.status), { timeout: 20_000, interval: 200 })
      .toEqual(['published', 'published', 'published']);
    // Seconds, not the 5 minutes to the first periodic sweep or the 15 of the old claim timeout.
    expect(Date.now() - restartedAt).toBeLessThan(20_000);

    const byId = Object.fromEntries((await rows()).map((row) => [row.id, row]));
    expect(byId[answerLost]!.platformPostId).toBe(storedId);
    const stored = await withSystem(runtime.container.db, (tx) =>
      tx
        .select({ id: sandboxPosts.id, text: sandboxPosts.text })
        .from(sandboxPosts)
        .where(eq(sandboxPosts.handle, handle)),
    );
    // Each post exists once on the network.
    expect(stored.map((post) => post.text).sort()).toEqual(
      ['Claimed but never sent', 'Lost with the queue', 'Stored, answer lost'].sort(),
    );
  }, 120_000);
});
