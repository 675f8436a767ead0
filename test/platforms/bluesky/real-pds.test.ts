import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type TokenSet,
} from '../../../functions/platforms/connector';
import {
  BLUESKY_LIMITS,
  createBlueskyConnector,
  validateBlueskyDraft,
  type BlueskyConnector,
} from '../../../functions/platforms/bluesky';
import { captureLogger } from '../../support/logger';
import {
  ONE_PIXEL_PNG,
  createAccount,
  startFileServer,
  startRealPds,
  type RealPds,
  type TestAccount,
} from '../support/bluesky-pds';

/**
 * The connector end to end against a real PDS (@atproto/dev-env, in process): connect with an
 * app password, publish text with facets, an image and a thread, refresh the session, and read
 * every record back from the repository with the PDS's own API.
 */
let pds: RealPds;
let files: Awaited<ReturnType<typeof startFileServer>>;
let alice: TestAccount;
let bob: TestAccount;
let appPassword: string;
let connector: BlueskyConnector;
let credentials: AccountCredentials;

function credentialsFrom(tokens: TokenSet, profile: AccountProfile): AccountCredentials {
  return {
    ...tokens,
    accountId: profile.accountId,
    handle: profile.handle,
    serviceUrl: profile.serviceUrl,
    extra: profile.extra,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function readPost(uri: string): Promise<{ cid: string; value: Record<string, unknown> }> {
  const [, , repo, collection, rkey] = uri.split('/');
  const { data } = await pds.reader.com.atproto.repo.getRecord({
    repo: repo as string,
    collection: collection as string,
    rkey: rkey as string,
  });
  return { cid: data.cid ?? '', value: data.value as Record<string, unknown> };
}

/** Byte range of `part` in `text`, as facets count it. */
function bytesOf(text: string, part: string): { byteStart: number; byteEnd: number } {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(part)));
  return { byteStart: start, byteEnd: start + Buffer.byteLength(part) };
}

beforeAll(async () => {
  [pds, files] = await Promise.all([startRealPds(), startFileServer()]);
  [alice, bob] = await Promise.all([createAccount(pds, 'alice'), createAccount(pds, 'bob')]);
  await alice.agent.com.atproto.repo.putRecord({
    repo: alice.did,
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
    record: { $type: 'app.bsky.actor.profile', displayName: 'Alice Example' },
  });
  appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'Plume' })).data.password;
  connector = createBlueskyConnector(
    {
      fetch,
      clock: new ManualClock('2025-06-01T12:00:00.000Z'),
      logger: captureLogger(),
      endpoints: { service: pds.url },
    },
    { allowPrivateServices: true },
  );
});

afterAll(async () => {
  await Promise.all([pds?.close(), files?.close()]);
});

describe('Bluesky connector against a real PDS', () => {
  it('connects with an app password and keeps the session tokens, never the password', async () => {
    const { tokens, profile } = await connector.connect.login({
      identifier: '@alice.test',
      password: appPassword,
    });
    credentials = credentialsFrom(tokens, profile);

    expect(profile).toMatchObject({
      accountId: alice.did,
      handle: 'alice.test',
      name: 'Alice Example',
      serviceUrl: pds.url,
      profileUrl: 'https://bsky.app/profile/alice.test',
      extra: { entryway: pds.url },
    });
    expect(tokens.scopes).toEqual(['com.atproto.appPass']);
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(JSON.stringify({ tokens, profile })).not.toContain(appPassword);
    // The PDS issues two-hour access tokens and long-lived refresh tokens (real time, not the test clock).
    const accessLifetime = (tokens.expiresAt?.getTime() ?? 0) - Date.now();
    expect(accessLifetime).toBeGreaterThan(60 * 60_000);
    expect(accessLifetime).toBeLessThanOrEqual(2 * 60 * 60_000 + 5_000);
    expect(tokens.refreshTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 30 * 24 * 3600_000);
  });

  it('refuses the account password, and a wrong password, as auth errors', async () => {
    const mainPassword = await rejection(
      connector.connect.login({ identifier: 'alice.test', password: alice.password }),
    );
    expect(mainPassword.kind).toBe('auth');
    expect(mainPassword.details.platformCode).toBe('AccountPasswordRefused');
    expect(mainPassword.message).toMatch(/app password/);

    const wrong = await rejection(
      connector.connect.login({ identifier: 'alice.test', password: 'nope-nope-nope' }),
    );
    expect(wrong).toMatchObject({
      kind: 'auth',
      details: { status: 401, platformCode: 'AuthenticationRequired' },
    });
    expect(wrong.message).toMatch(/^Bluesky could not sign in: Invalid identifier or password/);
  });

  it('publishes text with link, mention and hashtag facets at UTF-8 byte offsets', async () => {
    const text = '👋 Hello @bob.test! Read https://example.com/path?q=1. #Plume ✨ — not @nobody.test';
    const published = await connector.publish(credentials, { text, media: [], options: { langs: ['en'] } });

    expect(published.platformPostId).toMatch(
      new RegExp(`^at://${alice.did}/app\\.bsky\\.feed\\.post/[a-z2-7]{13}$`),
    );
    expect(published.url).toBe(
      `https://bsky.app/profile/${alice.did}/post/${published.platformPostId.split('/').pop()}`,
    );
    const { value } = await readPost(published.platformPostId);
    expect(value).toMatchObject({
      $type: 'app.bsky.feed.post',
      text,
      langs: ['en'],
      createdAt: '2025-06-01T12:00:00.000Z',
    });
    expect(value.embed).toBeUndefined();
    expect(value.facets).toEqual([
      {
        index: bytesOf(text, '@bob.test'),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: bob.did }],
      },
      {
        index: bytesOf(text, 'https://example.com/path?q=1'),
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/path?q=1' }],
      },
      { index: bytesOf(text, '#Plume'), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Plume' }] },
    ]);
    // The emoji make byte and UTF-16 offsets differ: a UTF-16 offset would be off by 2 here.
    expect(bytesOf(text, '@bob.test').byteStart).toBe(text.indexOf('@bob.test') + 2);
  });

  it('publishes an image: uploads the blob and embeds it with alt text and aspect ratio', async () => {
    const url = files.add('pixel.png', 'image/png', ONE_PIXEL_PNG);
    const published = await connector.publish(credentials, {
      text: 'A pixel',
      media: [
        {
          id: 'pixel',
          kind: 'image',
          mimeType: 'image/png',
          bytes: ONE_PIXEL_PNG.length,
          width: 1,
          height: 1,
          altText: 'One red pixel',
          url,
        },
      ],
    });

    const { value } = await readPost(published.platformPostId);
    const embed = value.embed as {
      $type: string;
      images: {
        alt: string;
        aspectRatio: unknown;
        image: { ref: { toString(): string }; mimeType: string; size: number };
      }[];
    };
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images).toHaveLength(1);
    expect(embed.images[0]).toMatchObject({ alt: 'One red pixel', aspectRatio: { width: 1, height: 1 } });
    expect(embed.images[0]?.image).toMatchObject({ mimeType: 'image/png', size: ONE_PIXEL_PNG.length });
    // The blob is stored on the PDS, byte for byte.
    const blob = await pds.reader.com.atproto.sync.getBlob({
      did: alice.did,
      cid: String(embed.images[0]?.image.ref),
    });
    expect(Buffer.from(blob.data).equals(ONE_PIXEL_PNG)).toBe(true);
  });

  it('publishes a thread as a reply chain with root and parent references', async () => {
    const before = await pds.reader.com.atproto.repo.listRecords({
      repo: alice.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
    });
    const published = await connector.publish(credentials, {
      text: 'A thread 🧵 1/3',
      media: [],
      thread: ['Second part 2/3', 'Last part 3/3 #end'],
    });

    expect(published.followUpIds).toHaveLength(2);
    expect(published.warnings).toBeUndefined();
    const root = await readPost(published.platformPostId);
    const second = await readPost(published.followUpIds?.[0] ?? '');
    const third = await readPost(published.followUpIds?.[1] ?? '');
    const rootRef = { uri: published.platformPostId, cid: root.cid };
    const secondRef = { uri: published.followUpIds?.[0], cid: second.cid };
    expect(root.value.reply).toBeUndefined();
    expect(second.value).toMatchObject({
      text: 'Second part 2/3',
      reply: { root: rootRef, parent: rootRef },
    });
    expect(third.value).toMatchObject({
      text: 'Last part 3/3 #end',
      reply: { root: rootRef, parent: secondRef },
    });
    expect(third.value.facets).toEqual([
      {
        index: { byteStart: 14, byteEnd: 18 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'end' }],
      },
    ]);

    const after = await pds.reader.com.atproto.repo.listRecords({
      repo: alice.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
    });
    expect(after.data.records.length - before.data.records.length).toBe(3);
  });

  it('refreshes the session: a new token pair that works, the old access token no longer needed', async () => {
    const tokens = await connector.refresh?.(credentials);
    expect(tokens?.accessToken).toEqual(expect.any(String));
    expect(tokens?.refreshToken).toEqual(expect.any(String));
    expect(tokens?.refreshToken).not.toBe(credentials.refreshToken);
    expect(tokens?.scopes).toEqual(['com.atproto.appPass']);

    const renewed = { ...credentials, ...tokens };
    const published = await connector.publish(renewed, { text: 'After a refresh', media: [] });
    expect((await readPost(published.platformPostId)).value.text).toBe('After a refresh');
  });

  it('maps a token the PDS does not accept to an auth error before anything is posted', async () => {
    const error = await rejection(
      connector.publish(
        { ...credentials, accessToken: 'not-a-token' },
        { text: 'Should not exist', media: [] },
      ),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/^Bluesky could not publish the post: /);
  });

  it('agrees with the PDS on which texts are too long (graphemes and bytes)', async () => {
    // Texts around both limits: 300 graphemes, and 3,000 bytes (a family emoji is 1 grapheme, 25 bytes).
    const family = '👨‍👩‍👧‍👦';
    const aroundGraphemes = fc.string({
      unit: fc.constantFrom('a', 'é', 'e\u0301', '日', family, ' '),
      minLength: 285,
      maxLength: 315,
    });
    const aroundBytes = fc.string({
      unit: fc.constantFrom(family, family, family, 'a', '日'),
      minLength: 130,
      maxLength: 190,
    });
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(aroundGraphemes, aroundBytes), async (text) => {
        const issue = validateBlueskyDraft({ text, media: [] }, BLUESKY_LIMITS).find(
          (found) => found.field === 'text',
        );
        const accepted = await alice.agent.com.atproto.repo
          .createRecord({
            repo: alice.did,
            collection: 'app.bsky.feed.post',
            record: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString() },
          })
          .then(
            () => true,
            () => false,
          );
        verdicts.add(issue?.code ?? 'accepted');
        expect(issue === undefined).toBe(accepted);
      }),
      {
        numRuns: 30,
        examples: [[family.repeat(120)], [family.repeat(121)], ['a'.repeat(300)], ['e\u0301'.repeat(301)]],
      },
    );
    expect([...verdicts].sort()).toEqual(['accepted', 'text_too_long', 'text_too_many_bytes']);
  });
});
