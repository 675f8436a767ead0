import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
} from '../../../functions/platforms/connector';
import type { MentionsReader } from '../../../functions/platforms/mentions-reader';
import { mentionsReaderFor } from '../../../functions/platforms/mentions-readers';
import { connectorFor, overrideConnectors } from '../../../functions/platforms/registry';
import { captureLogger } from '../../support/logger';
import { postgresBinDir } from '../../support/private-postgres';
import {
  createNetworkAccount,
  startBlueskyNetwork,
  type NetworkAccount,
  type RealBlueskyNetwork,
} from '../support/bluesky-network';

/**
 * The Bluesky mentions reader against a real network (@atproto/dev-env: PDS, PLC and the
 * AppView that computes notifications), through the account's PDS with an app-password
 * session, as Plume connects accounts: someone mentions the account, replies to it and quotes
 * it (and likes and follows it, which are no mentions); the reader returns each once, oldest
 * first, with the references a reply needs, and nothing again on the next read.
 */

type PostRef = { uri: string; cid: string };

let net: RealBlueskyNetwork;
let alice: NetworkAccount;
let bob: NetworkAccount;
let carol: NetworkAccount;
let dan: NetworkAccount;
let reader: MentionsReader;
let credentials: AccountCredentials;
let alicePost: PostRef;
const written: Record<string, PostRef> = {};
const clock = new ManualClock('2030-01-01T00:00:00.000Z');
const hasPostgres = postgresBinDir() !== undefined;
const options = (cursor: string | null, max = 100) => ({
  cursor,
  since: new Date(Date.now() - 86_400_000),
  max,
  ownPostIds: [],
});

async function postAs(account: NetworkAccount, record: Record<string, unknown>): Promise<PostRef> {
  const ref = await account.agent.post({ createdAt: new Date().toISOString(), ...record } as Parameters<
    typeof account.agent.post
  >[0]);
  await net.indexed();
  // agent.post also answers the commit and validation status; a strong ref is the uri and cid.
  return { uri: ref.uri, cid: ref.cid };
}

function mentioning(text: string, target: NetworkAccount): Record<string, unknown> {
  const handle = `@${target.handle}`;
  const byteStart = Buffer.byteLength(text.slice(0, text.indexOf(handle)));
  return {
    text,
    facets: [
      {
        index: { byteStart, byteEnd: byteStart + Buffer.byteLength(handle) },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: target.did }],
      },
    ],
  };
}

beforeAll(async () => {
  if (!hasPostgres) return;
  net = await startBlueskyNetwork();
  [alice, bob, carol, dan] = await Promise.all([
    createNetworkAccount(net, 'alice', 'Alice Example'),
    createNetworkAccount(net, 'bob', 'Bob'),
    createNetworkAccount(net, 'carol'),
    createNetworkAccount(net, 'dan'),
  ]);
  alicePost = await postAs(alice, { text: 'Our new loaf is out' });
  written.mention = await postAs(bob, mentioning('Has anyone tried @alice.test bread?', alice));
  await bob.agent.like(alicePost.uri, alicePost.cid);
  await carol.agent.follow(alice.did);
  written.reply = await postAs(carol, {
    text: 'It went stale in a day',
    reply: { root: alicePost, parent: alicePost },
  });
  written.quote = await postAs(dan, {
    text: 'Look at this',
    embed: { $type: 'app.bsky.embed.record', record: alicePost },
  });
  await net.indexed();

  overrideConnectors({
    endpoints: { bluesky: { service: net.pdsUrl, appview: net.appviewUrl } },
    options: { bluesky: { allowPrivateServices: true } },
  });
  const context: ConnectorContext = { fetch, clock, logger: captureLogger(), timeoutMs: 10_000 };
  const connector = connectorFor('bluesky', context);
  const found = mentionsReaderFor('bluesky', context);
  if (connector?.connect.kind !== 'app-password' || !found) throw new Error('no Bluesky connector or reader');
  reader = found;
  const appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'Plume' })).data
    .password;
  const { tokens, profile } = await connector.connect.login({
    identifier: alice.handle,
    password: appPassword,
  });
  credentials = {
    ...tokens,
    accountId: profile.accountId,
    handle: profile.handle,
    serviceUrl: profile.serviceUrl,
    extra: profile.extra,
  };
}, 300_000);

afterAll(async () => {
  overrideConnectors({});
  await net?.close();
}, 60_000);

describe.skipIf(!hasPostgres)('Bluesky mentions reader on a real network', () => {
  let cursor: string | null = null;

  it('returns the mention, the reply and the quote once, oldest first, with what answering needs; likes and follows are no mentions', async () => {
    const reading = await reader.read(credentials, options(null));
    expect(reading.mentions.map((m) => [m.kind, m.externalId])).toEqual([
      ['mention', written.mention!.uri],
      ['reply', written.reply!.uri],
      ['quote', written.quote!.uri],
    ]);
    const [mention, reply, quote] = reading.mentions;
    expect(mention).toMatchObject({
      authorHandle: bob.handle,
      authorName: 'Bob',
      text: 'Has anyone tried @alice.test bread?',
      parentExternalId: null,
      replyRef: { root: written.mention, parent: written.mention },
    });
    expect(reply).toMatchObject({
      authorHandle: carol.handle,
      text: 'It went stale in a day',
      parentExternalId: alicePost.uri,
      // Answering carol keeps alice's thread: the root stays alice's post, the parent is carol's reply.
      replyRef: { root: alicePost, parent: written.reply },
    });
    expect(quote).toMatchObject({ parentExternalId: alicePost.uri, authorHandle: dan.handle });
    expect(mention!.url).toMatch(/\/profile\/did:plc:[a-z0-9]+\/post\/[a-z0-9]+$/);
    expect(reading.more).toBe(false);
    expect(reading.gap).toBe(false);
    cursor = reading.cursor;
    expect(cursor).toContain(written.quote!.uri);
  });

  it('reads nothing again from the cursor; a new reply is read alone', async () => {
    const again = await reader.read(credentials, options(cursor));
    expect(again.mentions).toEqual([]);
    expect(again.cursor).toBe(cursor);
    const later = await postAs(bob, {
      text: 'Still stale?',
      reply: { root: alicePost, parent: written.reply! },
    });
    const next = await reader.read(credentials, options(cursor));
    expect(next.mentions.map((m) => m.externalId)).toEqual([later.uri]);
    expect(next.mentions[0]!.replyRef).toEqual({ root: alicePost, parent: later });
  });

  it('a bound smaller than the backlog reads the oldest first and the rest on the next read, without a hole', async () => {
    const first = await reader.read(credentials, options(null, 2));
    expect(first.mentions.map((m) => m.kind)).toEqual(['mention', 'reply']);
    expect(first.more).toBe(true);
    const second = await reader.read(credentials, options(first.cursor, 2));
    expect(second.mentions.map((m) => m.kind)).toEqual(['quote', 'reply']);
    expect(second.more).toBe(false);
  });

  it('an expired or revoked session is an auth error', async () => {
    const error = await reader
      .read({ ...credentials, accessToken: 'not-a-token' }, options(null))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('auth');
  });
});
