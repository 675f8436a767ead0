import { describe, expect, it } from 'vitest';
import type { AccountCredentials, PublishedPostQuery } from '../../../functions/platforms/connector';
import { createThreadsConnector } from '../../../functions/platforms/threads';
import { rejection, useContainerStandIn } from '../support/meta-connector-suite';
import {
  startThreadsStandIn,
  THREADS_TOKENS,
  THREADS_USER_ID,
  threadsEndpoints,
} from '../support/threads-stand-in';

const th = startThreadsStandIn();
const env = useContainerStandIn(th, {
  endpoints: threadsEndpoints,
  reset: () => {
    th.state.validToken = THREADS_TOKENS.long;
    th.published.clear();
    th.state.now = () => env.clock.now();
  },
});

const connector = () => createThreadsConnector(env.context, { sleep: env.sleep });
const credentials: AccountCredentials = {
  accountId: THREADS_USER_ID,
  accessToken: THREADS_TOKENS.long,
  scopes: [],
};
const query = (text: string): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 0,
  since: new Date(env.clock.now().getTime() - 5 * 60_000),
  until: new Date(env.clock.now().getTime() + 60_000),
});

describe('Threads look-up of an interrupted post', () => {
  it('finds the thread among the profile’s own threads of the window, not its replies', async () => {
    await connector().publish(credentials, { text: 'Hello Threads', media: [] });
    env.clock.advance(3_600_000);
    const published = await connector().publish(credentials, {
      text: 'Hello Threads',
      media: [],
      thread: ['Hello Threads'],
    });
    const answer = await connector().findPublished!(credentials, query('Hello Threads'));
    expect(answer.matches).toEqual([
      {
        platformPostId: published.platformPostId,
        url: `https://www.threads.net/@plume.studio/post/${published.platformPostId}`,
        publishedAt: env.clock.now(),
        matchedBy: 'content',
      },
    ]);
    expect(answer.authoritative).toBe(false);
    const [request] = th.server.calls('GET', /\/threads$/);
    expect(request?.query).toMatchObject({ fields: 'id,text,timestamp,permalink' });
    expect(Number(request?.query.until)).toBeGreaterThan(Number(request?.query.since));
  });

  it('answers a non-authoritative nothing, and fails as auth with an expired token', async () => {
    expect(await connector().findPublished!(credentials, query('Never posted'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
    const error = await rejection(
      connector().findPublished!({ ...credentials, accessToken: 'THQ-old' }, query('x')),
    );
    expect(error.kind).toBe('auth');
  });
});
