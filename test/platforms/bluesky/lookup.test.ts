import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { createBlueskyConnector, type BlueskyConnector } from '../../../functions/platforms/bluesky';
import type { AccountCredentials, PublishedPostQuery } from '../../../functions/platforms/connector';
import { captureLogger } from '../../support/logger';
import { blueskyUnderTest, rejection } from '../support/bluesky-connector';
import { createAccount, startRealPds, type RealPds } from '../support/bluesky-pds';

const query = (clock: ManualClock, text: string, sinceMs = 5 * 60_000): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 0,
  since: new Date(clock.now().getTime() - sinceMs),
  until: new Date(clock.now().getTime() + 60_000),
});

describe('Bluesky look-up against a real PDS (@atproto/dev-env)', () => {
  let pds: RealPds;
  let clock: ManualClock;
  let connector: BlueskyConnector;
  let credentials: AccountCredentials;

  beforeAll(async () => {
    pds = await startRealPds();
    const carol = await createAccount(pds, 'carol');
    const appPassword = (await carol.agent.com.atproto.server.createAppPassword({ name: 'Plume' })).data
      .password;
    clock = new ManualClock(new Date());
    connector = createBlueskyConnector(
      { fetch, clock, logger: captureLogger(), endpoints: { service: pds.url } },
      { allowPrivateServices: true },
    );
    const { tokens, profile } = await connector.connect.login({
      identifier: carol.handle,
      password: appPassword,
    });
    credentials = {
      ...tokens,
      accountId: profile.accountId,
      handle: profile.handle,
      serviceUrl: profile.serviceUrl,
    };
  }, 120_000);
  afterAll(async () => pds?.close());

  it('finds the post an interrupted publish created, by its text in the repository, not its replies', async () => {
    // An old post with the same words, outside the window, must not be taken for it.
    await connector.publish(credentials, { text: 'Launch day!', media: [] });
    clock.advance(3_600_000);
    const published = await connector.publish(credentials, {
      text: 'Launch day!',
      media: [],
      thread: ['Launch day!'],
    });
    await connector.publish(credentials, { text: 'Something else', media: [] });

    const answer = await connector.findPublished!(credentials, query(clock, 'Launch day!'));
    expect(answer.authoritative).toBe(true);
    expect(answer.matches).toEqual([
      {
        platformPostId: published.platformPostId,
        url: published.url,
        publishedAt: clock.now(),
        matchedBy: 'content',
      },
    ]);
    expect(answer.searched).toContain(pds.url);
  });

  it('answers an authoritative nothing when the repository holds no such post since the attempt', async () => {
    const answer = await connector.findPublished!(credentials, query(clock, 'Never posted'));
    expect(answer).toMatchObject({ matches: [], authoritative: true });
  });

  it('declares the default publish bound and settling time', () => {
    expect(connector.publishTimeoutMs).toBe(150_000);
    expect(connector.lookupSettleMs).toBe(60_000);
  });
});

describe('Bluesky look-up against the stand-in', () => {
  it('pages through the listing and stops at the window', async () => {
    const { net, connector, clock, credentials } = await blueskyUnderTest();
    try {
      const published = await connector.publish(credentials, { text: 'Paged', media: [] });
      clock.advance(60_000);
      // 150 newer posts push it to the second page.
      for (let i = 0; i < 150; i += 1) {
        net.world.records.set(`at://${net.world.did}/app.bsky.feed.post/3lz${String(i).padStart(10, '0')}`, {
          cid: `bafyreinewer${i}`,
          value: { $type: 'app.bsky.feed.post', text: `newer ${i}`, createdAt: clock.now().toISOString() },
        });
      }
      const answer = await connector.findPublished!(credentials, query(clock, 'Paged'));
      expect(answer.matches.map((m) => m.platformPostId)).toEqual([published.platformPostId]);
      expect(answer.authoritative).toBe(true);
      expect(net.pds.calls('com.atproto.repo.listRecords')).toHaveLength(2);
    } finally {
      await net.close();
    }
  });

  it('is not authoritative when more posts were made since the attempt than it reads', async () => {
    const { net, connector, clock, credentials } = await blueskyUnderTest();
    try {
      for (let i = 0; i < 520; i += 1) {
        net.world.records.set(`at://${net.world.did}/app.bsky.feed.post/3lz${String(i).padStart(10, '0')}`, {
          cid: `bafyreiflood${i}`,
          value: { $type: 'app.bsky.feed.post', text: `flood ${i}`, createdAt: clock.now().toISOString() },
        });
      }
      const answer = await connector.findPublished!(credentials, query(clock, 'Lost in the flood'));
      expect(answer).toMatchObject({ matches: [], authoritative: false });
      expect(net.pds.calls('com.atproto.repo.listRecords')).toHaveLength(5);
    } finally {
      await net.close();
    }
  });

  it('reports a server error as a failed look-up, never as “not there”', async () => {
    const { net, connector, clock, credentials } = await blueskyUnderTest();
    try {
      net.pds.override('com.atproto.repo.listRecords', (_request, res) => {
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"UpstreamFailure"}');
      });
      const error = await rejection(connector.findPublished!(credentials, query(clock, 'x')));
      expect(error.kind).toBe('transient');
    } finally {
      await net.close();
    }
  });
});
