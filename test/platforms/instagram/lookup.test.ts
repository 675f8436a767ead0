import { describe, expect, it } from 'vitest';
import type { AccountCredentials, PublishedPostQuery } from '../../../functions/platforms/connector';
import { createInstagramConnector } from '../../../functions/platforms/instagram';
import {
  IG_TOKENS,
  IG_USER_ID,
  instagramEndpoints,
  startInstagramStandIn,
} from '../support/instagram-stand-in';
import { rejection, useContainerStandIn } from '../support/meta-connector-suite';
import { TEST_TIMEOUT_MS, TOO_LATE_MS } from '../support/meta-graph-stand-in';

const ig = startInstagramStandIn();
const env = useContainerStandIn(ig, {
  endpoints: instagramEndpoints,
  reset: () => {
    ig.state.validToken = IG_TOKENS.long;
    ig.published.clear();
    ig.state.now = () => env.clock.now();
  },
});

const connector = () => createInstagramConnector(env.context, { sleep: env.sleep });
const credentials: AccountCredentials = { accountId: IG_USER_ID, accessToken: IG_TOKENS.long, scopes: [] };
const image = (id: string) => ({
  id,
  kind: 'image' as const,
  mimeType: 'image/jpeg',
  bytes: 1000,
  url: `https://media.plume.example/${id}.jpg`,
});
const query = (text: string): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 1,
  since: new Date(env.clock.now().getTime() - 5 * 60_000),
  until: new Date(env.clock.now().getTime() + 60_000),
});

describe('Instagram look-up of an interrupted post', () => {
  it('finds the media whose publish timed out after Instagram published it', async () => {
    await connector().publish(credentials, { text: 'Sunset #nofilter', media: [image('old')] });
    env.clock.advance(3_600_000);
    env.context.timeoutMs = TEST_TIMEOUT_MS;
    ig.server.failNext('POST', /media_publish$/, (request) => {
      const container = ig.store.containers.get(request.form.creation_id!)!;
      ig.store.markPublished(container);
      ig.published.set('17999999999999999', {
        id: '17999999999999999',
        containerId: container.id,
        caption: container.params.caption,
        publishedAt: env.clock.now(),
      });
      return { body: { id: '17999999999999999' }, delayMs: TOO_LATE_MS };
    });
    const lost = await rejection(
      connector().publish(credentials, { text: 'Sunset #nofilter', media: [image('a')] }),
    );
    expect(lost.kind).toBe('unknown_outcome');

    const answer = await connector().findPublished!(credentials, query('Sunset #nofilter'));
    expect(answer.matches).toEqual([
      {
        platformPostId: '17999999999999999',
        url: 'https://www.instagram.com/p/17999999999999999/',
        publishedAt: env.clock.now(),
        matchedBy: 'content',
      },
    ]);
    expect(answer.authoritative).toBe(false);
    const [request] = ig.server.calls('GET', /\/media$/);
    expect(request?.query.fields).toBe('id,caption,timestamp,permalink');
    // The media edge takes no time bounds: the window is applied to what it lists.
    expect(request?.query.since).toBeUndefined();
  });

  it('answers a non-authoritative nothing, and fails as auth with an expired token', async () => {
    expect(await connector().findPublished!(credentials, query('Never posted'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
    const error = await rejection(
      connector().findPublished!({ ...credentials, accessToken: 'IGAA-old' }, query('x')),
    );
    expect(error.kind).toBe('auth');
  });
});
