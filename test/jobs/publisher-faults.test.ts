import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Container } from '../../functions/adapters/container';
import { setContainer } from '../../functions/adapters/container';
import { publishTarget } from '../../functions/core/publishing/publish-target';
import { setPublishingSeams } from '../../functions/core/publishing/seams';
import { reconcileTarget } from '../../functions/core/publishing/reconcile-target';
import { sweepPostTargets } from '../../functions/core/publishing/sweep-post-targets';
import { AWAITING_LOOKUP } from '../../functions/core/publishing/unconfirmed-state';
import type { JobQueue, PostScheduler, QueueName } from '../../functions/core/ports';
import type { Database } from '../../functions/db/client';
import { withSystem } from '../../functions/db/tenant';
import { createPublishHandler } from '../../functions/jobs/publish';
import { PlatformError } from '../../functions/platforms/connector';
import { startIdentityRuntime } from '../support/identity-runtime';
import type { TestClient } from '../support/http-client';
import {
  accountRow,
  eventsOf,
  insertAccount,
  notificationsOf,
  targetRow,
} from './support/publishing-fixtures';
import { ScriptedConnector } from './support/scripted-connector';

// Far from other files' clocks: sweeps elsewhere never see these targets as due.
const T0 = new Date('2031-05-04T08:00:00.000Z');

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

/** Records sends instead of delaying them in real time, so retries are stepped by the test. */
class RecordingQueue implements JobQueue {
  readonly sent: Array<{ queue: QueueName; body: unknown; delaySeconds?: number }> = [];
  async send(queue: QueueName, body: unknown, options: { delaySeconds?: number } = {}) {
    this.sent.push({ queue, body, delaySeconds: options.delaySeconds });
  }
  async sendBatch(queue: QueueName, bodies: unknown[], options: { delaySeconds?: number } = {}) {
    for (const body of bodies) await this.send(queue, body, options);
  }
}

/** A database whose transactions fail while `down` says so (a restart or a dropped connection). */
function flakyDatabase(db: Database, down: () => boolean): Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction' && down())
        return () => Promise.reject(new Error('Connection terminated unexpectedly'));
      return Reflect.get(target, prop, receiver);
    },
  });
}

describe('publisher under faults (local runtime, scripted platform)', () => {
  let env: Env;
  let client: TestClient;
  let userId: string;
  let organizationId: string;
  let accountId: string;
  let connector: ScriptedConnector;

  const credentials = { accountId: 'acct', accessToken: 'token', scopes: [] };
  const useConnector = () => {
    connector = new ScriptedConnector();
    setPublishingSeams({
      resolveConnector: () => connector,
      loadCredentials: async () => credentials,
      random: () => 0.5,
    });
    return connector;
  };

  /** The access token is short-lived under the manual clock: rotate it after a jump in time. */
  async function fresh() {
    const refreshed = await client.post<{ accessToken: string }>('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    client.accessToken = refreshed.body.accessToken;
  }

  /** A post with one target on the account, scheduled `inMs` ahead through the API. */
  async function scheduledPost(inMs = 120_000, text = 'Hello from Plume') {
    await fresh();
    const created = await client.post<{ id: string; targets: { id: string }[] }>('/api/posts', {
      content: text,
      targets: [{ socialAccountId: accountId }],
    });
    expect(created.status).toBe(201);
    const at = new Date(env.clock.now().getTime() + inMs).toISOString();
    const scheduled = await client.post<{ targets: { id: string; version: number; status: string }[] }>(
      `/api/posts/${created.body.id}/schedule`,
      { at },
    );
    expect(scheduled.status).toBe(200);
    const target = scheduled.body.targets[0]!;
    return { postId: created.body.id, targetId: target.id, version: target.version, at: new Date(at) };
  }

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    // Schedules fire only when a test says so (fireDue), never from the runtime's timer.
    env.runtime.scheduler.stop();
    const person = await env.signUp();
    client = person.client;
    userId = person.userId;
    organizationId = person.organizationId;
    accountId = await insertAccount(env.runtime.container.db, organizationId);
  });
  afterEach(() => {
    setPublishingSeams(undefined);
    setContainer(env.runtime.container);
    vi.restoreAllMocks();
  });
  afterAll(async () => env?.stop());

  it('publishes a fired schedule once, records the platform id and URL, pushes and notifies', async () => {
    useConnector();
    const broadcast = vi.spyOn(env.runtime.realtime, 'broadcast');
    const { targetId, postId, at } = await scheduledPost();
    expect(await env.runtime.scheduler.fireDue()).toBe(0);
    env.clock.set(at);
    expect(await env.runtime.scheduler.fireDue()).toBeGreaterThanOrEqual(1);
    await env.runtime.queue.drained();

    const target = await targetRow(env.runtime.container.db, targetId);
    expect(target).toMatchObject({
      status: 'published',
      platformPostId: 'post-1',
      platformPostUrl: 'https://sandbox.test/p/1',
      attempts: 1,
    });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.text).toBe('Hello from Plume');
    const post = await client.get<{ status: string }>(`/api/posts/${postId}`);
    expect(post.body.status).toBe('published');
    const statuses = broadcast.mock.calls
      .filter(([org, m]) => org === organizationId && m.type === 'post-target.updated')
      .map(([, m]) => (m.data as { status: string }).status);
    expect(statuses).toEqual(['publishing', 'published']);
    // The person's own act (scheduling) was announced too, as a post change.
    expect(broadcast.mock.calls.some(([org, m]) => org === organizationId && m.type === 'post.changed')).toBe(
      true,
    );
    const mine = (await notificationsOf(env.runtime.container.db, userId)).filter(
      (n) => (n.data as { targetId?: string })?.targetId === targetId,
    );
    expect(mine.map((n) => n.type)).toEqual(['post.published']);
  });

  it('publishes once when the same message arrives twice and concurrently', async () => {
    useConnector();
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    const trigger = { targetId, version };
    await Promise.all([
      env.runtime.queue.sendBatch('publish', [trigger, trigger, trigger]),
      env.runtime.queue.send('publish', trigger),
    ]);
    await env.runtime.queue.drained();
    await env.runtime.queue.send('publish', trigger);
    await env.runtime.queue.drained();
    expect(connector.calls).toHaveLength(1);
    expect(
      (await eventsOf(env.runtime.container.db, targetId)).filter((e) => e.toStatus === 'publishing'),
    ).toHaveLength(1);
  });

  it('a reschedule before the fire makes the old message a no-op; one during the call is refused', async () => {
    useConnector();
    const first = await scheduledPost();
    const later = new Date(first.at.getTime() + 3_600_000).toISOString();
    const moved = await client.post<{ targets: { version: number }[] }>(
      `/api/posts/${first.postId}/schedule`,
      { at: later },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.targets[0]!.version).toBe(first.version + 1);
    await env.runtime.queue.send('publish', { targetId: first.targetId, version: first.version });
    await env.runtime.queue.drained();
    expect(connector.calls).toHaveLength(0);
    expect((await targetRow(env.runtime.container.db, first.targetId)).status).toBe('scheduled');

    // Now the fire wins: the platform call is in progress when the person reschedules.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inCall = new Promise<void>((resolve) => (entered = resolve));
    connector.then(async () => {
      entered();
      await gate;
      return { platformPostId: 'slow-1' };
    });
    env.clock.set(later);
    await env.runtime.queue.send('publish', { targetId: first.targetId, version: first.version + 1 });
    await inCall;
    await fresh().catch(() => release());
    const refused = await client.post(`/api/posts/${first.postId}/schedule`, {
      at: new Date(env.clock.now().getTime() + 60_000).toISOString(),
    });
    release();
    expect(refused.status).toBe(409);
    await env.runtime.queue.drained();
    expect(connector.calls).toHaveLength(1);
    expect(await targetRow(env.runtime.container.db, first.targetId)).toMatchObject({
      status: 'published',
      platformPostId: 'slow-1',
    });
  });

  it('never publishes again when the worker dies after the platform accepted the post', async () => {
    useConnector();
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    let down = false;
    connector.then(async () => {
      down = true; // the database goes away right after the platform said yes
      return { platformPostId: 'live-1', url: 'https://sandbox.test/p/live-1' };
    });
    const container: Container = {
      ...env.runtime.container,
      db: flakyDatabase(env.runtime.container.db, () => down),
    };
    await expect(
      publishTarget(container, { targetId, version }, { pause: async () => undefined, recordAttempts: 3 }),
    ).rejects.toThrow(/Connection terminated/);
    down = false;

    // SQS delivers the message again: the claim already moved the target, nothing is re-sent.
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    expect(connector.calls).toHaveLength(1);
    expect((await targetRow(env.runtime.container.db, targetId)).status).toBe('publishing');

    // Once the claim's lease has run out, the sweep turns it into `unconfirmed` awaiting a look-up.
    const sweepAt = new Date(at.getTime() + 4 * 60_000);
    const sweep = await withSystem(env.runtime.container.db, (tx) => sweepPostTargets(tx, sweepAt));
    expect(await targetRow(env.runtime.container.db, targetId)).toMatchObject({
      status: 'unconfirmed',
      errorCode: AWAITING_LOOKUP,
    });
    expect(sweep.lookups.map((l) => l.targetId)).toContain(targetId);
    // This network offers no look-up, so the look-up asks the author to check.
    env.clock.set(sweepAt);
    expect(await reconcileTarget(env.runtime.container, targetId)).toBe('needs_person');
    const notes = (await notificationsOf(env.runtime.container.db, userId)).filter(
      (n) => (n.data as { targetId?: string })?.targetId === targetId,
    );
    expect(notes.map((n) => n.type)).toEqual(['post.unconfirmed']);
    expect(connector.calls).toHaveLength(1);
  });

  it('retries a 429 after the platform reset time, then publishes once', async () => {
    useConnector().then(
      new PlatformError('rate_limited', 'Too Many Requests', { status: 429, retryAfterSeconds: 120 }),
    );
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    const queue = new RecordingQueue();
    const container: Container = { ...env.runtime.container, queue };
    expect(await publishTarget(container, { targetId, version })).toBe('retrying');
    const waiting = await targetRow(env.runtime.container.db, targetId);
    expect(waiting).toMatchObject({
      status: 'scheduled',
      errorCode: 'rate_limited',
      errorMessage: 'Too Many Requests',
    });
    expect(queue.sent).toEqual([{ queue: 'publish', body: { targetId, version }, delaySeconds: 120 }]);
    expect(waiting.nextAttemptAt!.getTime()).toBe(at.getTime() + 120_000);

    // The sweep does not re-fire before the reset time.
    const early = await withSystem(env.runtime.container.db, (tx) =>
      sweepPostTargets(tx, new Date(at.getTime() + 110_000)),
    );
    expect(early.refire.some((r) => r.targetId === targetId)).toBe(false);

    env.clock.advance(120_000);
    expect(await publishTarget(container, { targetId, version })).toBe('published');
    expect(await publishTarget(container, { targetId, version })).toBe('ignored');
    expect(connector.calls).toHaveLength(2);
  });

  it('waits longer than SQS can delay through a one-time schedule', async () => {
    useConnector().then(
      new PlatformError('rate_limited', 'Daily quota used', { status: 429, retryAfterSeconds: 3_000 }),
    );
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    const queue = new RecordingQueue();
    const scheduled: Parameters<PostScheduler['schedule']>[0][] = [];
    const scheduler: PostScheduler = {
      schedule: async (s) => void scheduled.push(s),
      cancel: async () => undefined,
    };
    expect(await publishTarget({ ...env.runtime.container, queue, scheduler }, { targetId, version })).toBe(
      'retrying',
    );
    expect(queue.sent).toHaveLength(0);
    expect(scheduled).toEqual([
      {
        name: `post-target-${targetId}`,
        at: new Date(at.getTime() + 3_000_000),
        timezone: 'UTC',
        payload: { targetId, version },
      },
    ]);
  });

  it('500s retry with growing backoff and fail after the last attempt with the message', async () => {
    useConnector().then(
      new PlatformError('transient', 'Internal Server Error', { status: 500 }),
      new PlatformError('transient', 'Internal Server Error', { status: 500 }),
      new PlatformError('transient', 'Bad Gateway', { status: 502 }),
    );
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    const queue = new RecordingQueue();
    const container: Container = { ...env.runtime.container, queue };
    const policy = { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 3600 };
    expect(await publishTarget(container, { targetId, version }, { retryPolicy: policy })).toBe('retrying');
    expect(await publishTarget(container, { targetId, version }, { retryPolicy: policy })).toBe('retrying');
    expect(await publishTarget(container, { targetId, version }, { retryPolicy: policy })).toBe('failed');
    expect(queue.sent.map((s) => s.delaySeconds)).toEqual([23, 38]); // jitter 0.5 of [15, 30] and [15, 60]
    const failed = await targetRow(env.runtime.container.db, targetId);
    expect(failed.status).toBe('failed');
    expect(failed.errorMessage).toContain('Bad Gateway');
    expect(connector.calls).toHaveLength(3);
  });

  it('a timeout becomes unconfirmed and is never re-sent', async () => {
    useConnector().then(new PlatformError('unknown_outcome', 'The request timed out after 20000 ms'));
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    const target = await targetRow(env.runtime.container.db, targetId);
    expect(target.status).toBe('unconfirmed');
    expect(target.errorMessage).toContain('timed out');
    expect(connector.calls).toHaveLength(1);
    // Scheduling again is refused: it may be live already.
    await fresh();
    const again = await client.post(`/api/posts/${target.postId}/publish`);
    expect(again.status).toBe(409);
  });

  it('a permanent refusal fails with the platform message verbatim', async () => {
    useConnector().then(
      new PlatformError('permanent', 'Status is a duplicate.', { status: 403, platformCode: '187' }),
    );
    const { targetId, version, at } = await scheduledPost();
    env.clock.set(at);
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    expect(await targetRow(env.runtime.container.db, targetId)).toMatchObject({
      status: 'failed',
      errorCode: 'platform_rejected',
      errorMessage: 'Status is a duplicate.',
    });
    const notes = (await notificationsOf(env.runtime.container.db, userId)).filter(
      (n) => (n.data as { targetId?: string })?.targetId === targetId,
    );
    expect(notes).toMatchObject([{ type: 'post.failed', body: 'Status is a duplicate.', severity: 'error' }]);
  });

  it('an expired token marks the account needs_reauth and the post waits with the reason', async () => {
    const ownAccount = await insertAccount(env.runtime.container.db, organizationId, 'active', 'Revoked');
    await fresh();
    useConnector().then(new PlatformError('auth', 'Token has been revoked.', { status: 401 }));
    const created = await client.post<{ id: string; targets: { id: string }[] }>('/api/posts', {
      content: 'x',
      targets: [{ socialAccountId: ownAccount }],
    });
    const at = new Date(env.clock.now().getTime() + 60_000);
    const scheduled = await client.post<{ targets: { id: string; version: number }[] }>(
      `/api/posts/${created.body.id}/schedule`,
      { at: at.toISOString() },
    );
    const { id: targetId, version } = scheduled.body.targets[0]!;
    env.clock.set(at);
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    expect((await accountRow(env.runtime.container.db, ownAccount)).status).toBe('needs_reauth');
    const waiting = await targetRow(env.runtime.container.db, targetId);
    expect(waiting).toMatchObject({ status: 'scheduled', errorCode: 'account_needs_reauth' });
    expect(waiting.errorMessage).toContain('Token has been revoked.');

    // The next delivery does not call the platform while the account needs reconnecting.
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    expect(connector.calls).toHaveLength(1);
    expect((await targetRow(env.runtime.container.db, targetId)).errorMessage).toMatch(/must be reconnected/);
  });

  it('survives the database dropping out mid-batch: failed records retry, none is lost or doubled', async () => {
    useConnector();
    const targets = [];
    for (let i = 0; i < 4; i += 1) targets.push(await scheduledPost(60_000, `Batch ${i}`));
    env.clock.set(targets[0]!.at);
    let transactions = 0;
    // Transactions 3 and 4 fail: record 2's claim (or load) hits the outage.
    const flaky: Container = {
      ...env.runtime.container,
      db: flakyDatabase(env.runtime.container.db, () => {
        transactions += 1;
        return transactions === 3 || transactions === 4;
      }),
    };
    setContainer(flaky);
    const handler = createPublishHandler({ pause: async () => undefined });
    const event: SQSEvent = {
      Records: targets.map((t, i) => ({
        messageId: `m-${i}`,
        receiptHandle: `r-${i}`,
        body: JSON.stringify({ targetId: t.targetId, version: t.version }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '0',
          SenderId: 'test',
          ApproximateFirstReceiveTimestamp: '0',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:0:plume-publish',
        awsRegion: 'local',
      })),
    };
    const first = await handler(event);
    expect(first.batchItemFailures.length).toBeGreaterThanOrEqual(1);
    const failedIds = new Set(first.batchItemFailures.map((f) => f.itemIdentifier));
    const second = await handler({ Records: event.Records.filter((r) => failedIds.has(r.messageId)) });
    expect(second.batchItemFailures).toEqual([]);
    setContainer(env.runtime.container);

    const statuses = await Promise.all(
      targets.map(async (t) => (await targetRow(env.runtime.container.db, t.targetId)).status),
    );
    // Each target is published exactly once, or (when the outage hit after its claim) parked
    // in `publishing`, where no delivery can send it and the sweep will surface it.
    const published = statuses.filter((s) => s === 'published').length;
    expect(published + statuses.filter((s) => s === 'publishing').length).toBe(4);
    expect(published).toBeGreaterThanOrEqual(3);
    expect(connector.calls).toHaveLength(published);
    expect(new Set(connector.calls.map((c) => c.text)).size).toBe(published);
    const sweep = await withSystem(env.runtime.container.db, (tx) =>
      sweepPostTargets(tx, new Date(env.clock.now().getTime() + 4 * 60_000)),
    );
    const parked = targets.filter((_, i) => statuses[i] === 'publishing').map((t) => t.targetId);
    for (const id of parked) expect((sweep.moved ?? []).map((m) => m.id)).toContain(id);
  });
});
