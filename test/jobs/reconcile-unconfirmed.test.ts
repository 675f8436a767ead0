import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../functions/adapters/container';
import { publishTarget } from '../../functions/core/publishing/publish-target';
import { reconcileTarget } from '../../functions/core/publishing/reconcile-target';
import { setPublishingSeams } from '../../functions/core/publishing/seams';
import { AWAITING_LOOKUP, NEEDS_PERSON } from '../../functions/core/publishing/unconfirmed-state';
import type { JobQueue, QueueName } from '../../functions/core/ports';
import { PlatformError, type FoundPost } from '../../functions/platforms/connector';
import type { TestClient } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';
import { eventsOf, insertAccount, notificationsOf, targetRow } from './support/publishing-fixtures';
import { LookingConnector } from './support/scripted-connector';

// Later than every other file's clock, and no sweep here: no other file's sweep sees these
// targets (a sweep only acts on what is older than its clock), and this file sweeps nothing.
const T0 = new Date('2035-02-11T09:00:00.000Z');

/** Records sends, so each message (publish, look-up) is delivered by the test, step by step. */
class RecordingQueue implements JobQueue {
  readonly sent: Array<{ queue: QueueName; body: unknown; delaySeconds?: number }> = [];
  async send(queue: QueueName, body: unknown, options: { delaySeconds?: number } = {}) {
    this.sent.push({ queue, body, delaySeconds: options.delaySeconds });
  }
  async sendBatch(queue: QueueName, bodies: unknown[], options: { delaySeconds?: number } = {}) {
    for (const body of bodies) await this.send(queue, body, options);
  }
}

const found = (id: string, matchedBy: FoundPost['matchedBy'] = 'marker'): FoundPost => ({
  platformPostId: id,
  url: `https://sandbox.test/p/${id}`,
  publishedAt: new Date(T0.getTime() + 1_000),
  matchedBy,
});

describe('unconfirmed targets are looked up before anyone is asked', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let client: TestClient;
  let userId: string;
  let accountId: string;
  let connector: LookingConnector;
  let queue: RecordingQueue;
  let container: Container;

  const use = (configure: (c: LookingConnector) => void = () => undefined) => {
    connector = new LookingConnector();
    configure(connector);
    setPublishingSeams({
      resolveConnector: () => connector,
      loadCredentials: async () => ({ accountId: 'acct', accessToken: 'token', scopes: [] }),
      random: () => 0.5,
    });
    queue = new RecordingQueue();
    container = { ...env.runtime.container, queue };
  };

  async function fresh() {
    const refreshed = await client.post<{ accessToken: string }>('/api/auth/refresh');
    client.accessToken = refreshed.body.accessToken;
  }

  /** A post due now on `account`, scheduled through the API. */
  async function duePost(text = 'Hello from the look-up suite', account = accountId) {
    await fresh();
    const created = await client.post<{ id: string }>('/api/posts', {
      content: text,
      targets: [{ socialAccountId: account }],
    });
    expect(created.status).toBe(201);
    const at = new Date(env.clock.now().getTime() + 60_000);
    const scheduled = await client.post<{ targets: { id: string; version: number }[] }>(
      `/api/posts/${created.body.id}/schedule`,
      { at: at.toISOString() },
    );
    expect(scheduled.status).toBe(200);
    env.clock.set(at);
    const { id: targetId, version } = scheduled.body.targets[0]!;
    return { postId: created.body.id, targetId, version };
  }

  const notesOf = async (targetId: string) =>
    (await notificationsOf(env.runtime.container.db, userId)).filter(
      (n) => (n.data as { targetId?: string })?.targetId === targetId,
    );
  const lookupsSent = (targetId: string) =>
    queue.sent.filter(
      (s) =>
        (s.body as { targetId: string; lookup?: true }).lookup &&
        (s.body as { targetId: string }).targetId === targetId,
    );

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const person = await env.signUp();
    ({ client, userId } = person);
    accountId = await insertAccount(env.runtime.container.db, person.organizationId);
  });
  afterEach(() => setPublishingSeams(undefined));
  afterAll(async () => env?.stop());

  it('cuts a call that never answers off at the connector’s own bound, then finds the post and records it', async () => {
    use((c) => {
      c.publishTimeoutMs = 100;
      c.then(() => new Promise(() => undefined));
      c.answer({ matches: [found('live-1')], authoritative: true, searched: 'the scripted network' });
    });
    const { targetId, version } = await duePost();
    const started = Date.now();
    expect(await publishTarget(container, { targetId, version })).toBe('unconfirmed');
    // The 100 ms bound plus the 2 s grace to report, not a stuck claim for 15 minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
    const waiting = await targetRow(env.runtime.container.db, targetId);
    expect(waiting).toMatchObject({ status: 'unconfirmed', errorCode: AWAITING_LOOKUP });
    expect(waiting.errorMessage).toContain('looking for it');
    expect(lookupsSent(targetId)).toEqual([
      { queue: 'publish', body: { targetId, lookup: true }, delaySeconds: 0 },
    ]);
    expect(await notesOf(targetId)).toEqual([]);

    expect(await reconcileTarget(container, targetId)).toBe('published');
    expect(await targetRow(env.runtime.container.db, targetId)).toMatchObject({
      status: 'published',
      errorCode: null,
      platformPostId: 'live-1',
      platformPostUrl: 'https://sandbox.test/p/live-1',
      publishedAt: new Date(T0.getTime() + 1_000),
    });
    expect(connector.calls).toHaveLength(1);
    expect(connector.queries).toMatchObject([
      { idempotencyKey: targetId, text: 'Hello from the look-up suite' },
    ]);
    expect(connector.queries[0]!.since.getTime()).toBeLessThan(env.clock.now().getTime());
    const history = await eventsOf(env.runtime.container.db, targetId);
    expect(history.at(-1)).toMatchObject({
      fromStatus: 'unconfirmed',
      toStatus: 'published',
      details: { lookup: 'found', matchedBy: 'marker', platformPostId: 'live-1' },
    });
    // Only the outcome is told; nobody was asked to check anything.
    expect((await notesOf(targetId)).map((n) => n.type)).toEqual(['post.published']);
    // A duplicate look-up message settles nothing twice.
    expect(await reconcileTarget(container, targetId)).toBe('ignored');
  });

  it('publishes again, once, where the network proves the post is not there', async () => {
    use((c) => c.then(new PlatformError('unknown_outcome', 'connection dropped after sending')));
    const { targetId, version } = await duePost('Second chance');
    expect(await publishTarget(container, { targetId, version })).toBe('unconfirmed');
    expect(await reconcileTarget(container, targetId)).toBe('retrying');
    const retry = queue.sent.at(-1)!;
    expect(retry).toEqual({ queue: 'publish', body: { targetId, version }, delaySeconds: undefined });
    expect(await targetRow(env.runtime.container.db, targetId)).toMatchObject({
      status: 'scheduled',
      errorCode: 'not_found_retrying',
    });
    expect(await publishTarget(container, retry.body as { targetId: string; version: number })).toBe(
      'published',
    );
    expect(await publishTarget(container, retry.body as { targetId: string; version: number })).toBe(
      'ignored',
    );
    expect(connector.calls).toHaveLength(2);
    // The same marker both times: a network that keeps it could not store the post twice.
    expect(connector.calls.map((call) => call.idempotencyKey)).toEqual([targetId, targetId]);
    const all = await eventsOf(env.runtime.container.db, targetId);
    const history = all.slice(all.findIndex((e) => e.toStatus === 'publishing'));
    expect(history.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
      'scheduled>publishing',
      'publishing>unconfirmed',
      'unconfirmed>scheduled',
      'scheduled>publishing',
      'publishing>published',
    ]);
    expect(history[2]!.details).toMatchObject({ lookup: 'not_found', authoritative: true });
    expect((await notesOf(targetId)).map((n) => n.type)).toEqual(['post.published']);
  });

  it('asks a person, saying what was searched, when the network cannot prove the post is absent', async () => {
    use((c) => {
      c.then(new PlatformError('unknown_outcome', 'no answer within 20000 ms'));
      c.answer({ matches: [], authoritative: false, searched: "the account's timeline since 09:00" });
    });
    const { targetId, version } = await duePost('Maybe live');
    await publishTarget(container, { targetId, version });
    expect(await reconcileTarget(container, targetId)).toBe('needs_person');
    const target = await targetRow(env.runtime.container.db, targetId);
    expect(target).toMatchObject({ status: 'unconfirmed', errorCode: NEEDS_PERSON });
    expect(target.errorMessage).toContain("the account's timeline since 09:00");
    expect(target.errorMessage).toContain('no answer within 20000 ms');
    const notes = await notesOf(targetId);
    expect(notes).toMatchObject([{ type: 'post.unconfirmed', severity: 'warning' }]);
    expect(connector.calls).toHaveLength(1);
    expect((await eventsOf(env.runtime.container.db, targetId)).at(-1)).toMatchObject({
      fromStatus: 'unconfirmed',
      toStatus: 'unconfirmed',
      details: { lookup: 'not_found', authoritative: false },
    });
    expect(await reconcileTarget(container, targetId)).toBe('ignored');
  });

  it('does not trust an empty answer before the network has settled', async () => {
    use((c) => {
      c.lookupSettleMs = 60_000;
      c.then(new PlatformError('unknown_outcome', 'gateway timeout'));
    });
    const { targetId, version } = await duePost('Still being written');
    await publishTarget(container, { targetId, version });
    expect(lookupsSent(targetId).map((s) => s.delaySeconds)).toEqual([60]);
    expect(await reconcileTarget(container, targetId)).toBe('waiting');
    expect(lookupsSent(targetId).map((s) => s.delaySeconds)).toEqual([60, 60]);
    env.clock.advance(61_000);
    expect(await reconcileTarget(container, targetId)).toBe('retrying');
  });

  it('tries a failing look-up again, then hands it to a person', async () => {
    use((c) => {
      c.then(new PlatformError('unknown_outcome', 'connection reset'));
      c.answer(
        new PlatformError('transient', 'Service Unavailable'),
        new PlatformError('transient', 'Service Unavailable'),
        new PlatformError('transient', 'Bad Gateway'),
      );
    });
    const { targetId, version } = await duePost('Hard to find');
    await publishTarget(container, { targetId, version });
    expect(await reconcileTarget(container, targetId)).toBe('waiting');
    expect(await reconcileTarget(container, targetId)).toBe('waiting');
    expect(await reconcileTarget(container, targetId)).toBe('needs_person');
    const target = await targetRow(env.runtime.container.db, targetId);
    expect(target).toMatchObject({ status: 'unconfirmed', errorCode: NEEDS_PERSON });
    expect(target.errorMessage).toContain('Bad Gateway');
    expect((await notesOf(targetId)).map((n) => n.type)).toEqual(['post.unconfirmed']);
  });

  it('asks a person at once when the network refuses the look-up itself', async () => {
    use((c) => {
      c.then(new PlatformError('unknown_outcome', 'connection reset'));
      c.answer(
        new PlatformError(
          'permanent',
          'Not enough permissions to access: partnerApiPostsExternal.FINDER-author',
        ),
      );
    });
    const { targetId, version } = await duePost('Cannot be read back');
    await publishTarget(container, { targetId, version });
    expect(await reconcileTarget(container, targetId)).toBe('needs_person');
    expect((await targetRow(env.runtime.container.db, targetId)).errorMessage).toContain(
      'Not enough permissions',
    );
    expect(connector.queries).toHaveLength(1);
  });

  it('never takes a post already recorded for another target of the same account', async () => {
    use((c) => c.then({ platformPostId: 'twin-1', url: 'https://sandbox.test/p/twin-1' }));
    const first = await duePost('Same words');
    expect(await publishTarget(container, first)).toBe('published');
    use((c) => {
      c.then(new PlatformError('unknown_outcome', 'connection reset'));
      c.answer({
        matches: [found('twin-1', 'content'), found('twin-2', 'content')],
        authoritative: false,
        searched: 'the account by text',
      });
    });
    const second = await duePost('Same words');
    await publishTarget(container, second);
    expect(await reconcileTarget(container, second.targetId)).toBe('published');
    expect((await targetRow(env.runtime.container.db, second.targetId)).platformPostId).toBe('twin-2');
  });

  it('records a call that answers after its deadline as published', async () => {
    use((c) => {
      c.publishTimeoutMs = 50;
      c.lookupSettleMs = 60_000;
      c.then(async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_600));
        return { platformPostId: 'late-1', url: 'https://sandbox.test/p/late-1' };
      });
    });
    const { targetId, version } = await duePost('Slow but sure');
    expect(await publishTarget(container, { targetId, version })).toBe('unconfirmed');
    await expect
      .poll(async () => (await targetRow(env.runtime.container.db, targetId)).status, { timeout: 5_000 })
      .toBe('published');
    expect((await targetRow(env.runtime.container.db, targetId)).platformPostId).toBe('late-1');
    expect(await reconcileTarget(container, targetId)).toBe('ignored');
  });

  it('routes look-up messages through the publish worker of the local runtime', async () => {
    use((c) => {
      c.then(new PlatformError('unknown_outcome', 'connection dropped'));
      c.answer({ matches: [found('routed-1')], authoritative: true, searched: 'the scripted network' });
    });
    const { targetId, version } = await duePost('Through the queue');
    // The real local queue this time: publish, then the look-up it sends, both by the worker.
    await env.runtime.queue.send('publish', { targetId, version });
    await env.runtime.queue.drained();
    expect(await targetRow(env.runtime.container.db, targetId)).toMatchObject({
      status: 'published',
      platformPostId: 'routed-1',
    });
  });
});
