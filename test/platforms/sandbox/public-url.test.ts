import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../functions/adapters/local';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';

/**
 * Links the Sandbox hands out (profiles, posts) and the notifications that quote them must
 * name the port the runtime really listens on, not PUBLIC_URL's default of localhost:3000.
 */
describe('Sandbox links on a runtime that is not on port 3000', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let client: TestClient;
  let email: string;
  const saved = process.env.PUBLIC_URL;

  beforeAll(async () => {
    delete process.env.PUBLIC_URL;
    env = await startIdentityRuntime(new Date('2027-02-03T10:00:00Z'));
    env.runtime.scheduler.stop();
    ({ client, email } = await env.signUp());
    await env.verify(email, client);
  }, 60_000);
  afterAll(async () => {
    if (saved !== undefined) process.env.PUBLIC_URL = saved;
    await env?.stop();
  });

  it('runs on a port other than 3000 (port 0 picks a free one)', () => {
    expect(new URL(env.runtime.url).port).not.toBe('3000');
    expect(env.runtime.container.env.PUBLIC_URL).toBe(env.runtime.url);
  });

  it('profile, post and notification links point at the listening address', async () => {
    const connected = await client.post<{ account: { id: string; profileUrl: string | null } }>(
      '/api/social-accounts/connect',
      { platform: 'sandbox', identifier: `port-${crypto.randomUUID().slice(0, 8)}` },
    );
    expect(connected.status).toBe(201);
    expect(connected.body.account.profileUrl).toMatch(
      new RegExp(`^${env.runtime.url}/api/sandbox/feed\\?handle=`),
    );

    const created = await client.post<{ id: string }>('/api/posts', {
      content: 'Which port am I on?',
      targets: [{ socialAccountId: connected.body.account.id }],
    });
    expect(created.status).toBe(201);
    expect((await client.post(`/api/posts/${created.body.id}/publish`)).status).toBe(202);
    await env.runtime.queue.drained();

    const post = await client.get<{ targets: { status: string; platformPostUrl: string | null }[] }>(
      `/api/posts/${created.body.id}`,
    );
    expect(post.body.targets[0]).toMatchObject({ status: 'published' });
    expect(post.body.targets[0]!.platformPostUrl).toMatch(
      new RegExp(`^${env.runtime.url}/api/sandbox/feed\\?post=`),
    );

    const notes = await client.get<{ items: { type: string; body: string | null }[] }>('/api/notifications');
    const published = notes.body.items.find((n) => n.type === 'post.published');
    expect(published?.body).toContain(`${env.runtime.url}/api/sandbox/feed?post=`);
    expect(JSON.stringify(notes.body)).not.toContain('localhost:3000');

    // A refusal is mailed by default: its link opens the post on this runtime.
    const refused = await client.post<{ id: string }>('/api/posts', {
      content: 'Refused #fail-permanent',
      targets: [{ socialAccountId: connected.body.account.id }],
    });
    expect((await client.post(`/api/posts/${refused.body.id}/publish`)).status).toBe(202);
    await env.runtime.queue.drained();
    const mails = await readOutbox(env.dataDir, email);
    const mail = mails.find((m) => m.text.includes(`/posts/${refused.body.id}`));
    expect(mail?.text).toContain(`${env.runtime.url}/posts/${refused.body.id}`);
  });
});
