import { createHash, createHmac, randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnvSecrets } from '../../../functions/adapters/local/env-secrets';
import { storeWebhookEvent } from '../../../functions/core/webhooks/store-webhook-event';
import { describeWebhookEvent } from '../../../functions/core/webhooks/webhook-event';
import { socialAccounts, webhookEvents } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { handler as webhooksHandler } from '../../../functions/http/areas/webhooks';
import { httpEvent } from '../../support/api-gateway';
import { startIdentityRuntime } from '../../support/identity-runtime';

const FACEBOOK_SECRET = 'fb-app-secret-0123456789';
const INSTAGRAM_SECRET = 'ig-app-secret-9876543210';
const VERIFY_TOKEN = 'plume-verify-token';
const CONSUMER_SECRET = 'x-consumer-secret-abc';
const LINKEDIN_SECRET = 'li-client-secret-xyz';

const PLATFORM_APPS = JSON.stringify({
  facebook: { clientId: 'fb', appSecret: FACEBOOK_SECRET, webhookVerifyToken: VERIFY_TOKEN },
  instagram: { clientId: 'ig', appSecret: INSTAGRAM_SECRET },
  twitter: { clientId: 'x', consumerSecret: CONSUMER_SECRET },
  linkedin: { clientId: 'li', clientSecret: LINKEDIN_SECRET },
});

const hmac = (secret: string, body: string | Buffer) => createHmac('sha256', secret).update(body);
const metaSignature = (body: string, secret = FACEBOOK_SECRET) =>
  `sha256=${hmac(secret, body).digest('hex')}`;
const xSignature = (body: string, secret = CONSUMER_SECRET) =>
  `sha256=${hmac(secret, body).digest('base64')}`;
const linkedInSignature = (body: string, secret = LINKEDIN_SECRET) =>
  hmac(secret, `hmacsha256=${body}`).digest('hex');

describe('inbound platform webhooks over HTTP', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;

  const useSecrets = (platformApps: string) => {
    // The real local secrets adapter, fed from "the environment" as `npm start` would be.
    env.runtime.container.secrets = new EnvSecrets({ PLATFORM_APPS: platformApps }, env.dataDir);
  };

  async function post(path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${env.runtime.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  async function get(path: string) {
    const response = await fetch(`${env.runtime.url}${path}`);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  }

  const rowsFor = async (source: string, externalIds: string[]) =>
    withSystem(env.runtime.container.db, (tx) =>
      tx.select().from(webhookEvents).where(inArray(webhookEvents.externalId, externalIds)),
    ).then((rows) => rows.filter((row) => row.source === source));
  const bodyId = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;

  beforeAll(async () => {
    env = await startIdentityRuntime();
  }, 60_000);
  afterAll(async () => env?.stop());
  beforeEach(() => useSecrets(PLATFORM_APPS));

  describe('Meta', () => {
    it('echoes hub.challenge as plain text for the configured verify token', async () => {
      const response = await get(
        `/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
      );
      expect(response.status).toBe(200);
      expect(response.text).toBe('1158201444');
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('refuses a wrong verify token or mode with 403, and missing parameters with 400', async () => {
      const wrongToken = await get(
        '/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1',
      );
      expect(wrongToken.status).toBe(403);
      expect(wrongToken.text).not.toContain('"1"');
      expect(
        (
          await get(
            `/api/webhooks/facebook?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
          )
        ).status,
      ).toBe(403);
      expect((await get('/api/webhooks/facebook?hub.mode=subscribe')).status).toBe(400);
    });

    it('stores a signed event once, processes it in the background, and acknowledges a redelivery without a second row', async () => {
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: 'p1', time: 1, changes: [{ field: 'feed', value: { id: randomUUID() } }] }],
      });
      const first = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body),
      });
      expect(first.status).toBe(200);
      expect(first.json).toEqual({ received: true, duplicate: false });
      const again = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body),
      });
      expect(again.json).toEqual({ received: true, duplicate: true });
      await env.runtime.queue.drained();
      const rows = await rowsFor('facebook', [bodyId(body)]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ eventType: 'page.feed', processed: true });
    });

    it('queues a stored-but-unprocessed event again when the platform redelivers it (a lost job is repaired)', async () => {
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: 'p5', time: 5, changes: [{ field: 'feed', value: { id: randomUUID() } }] }],
      });
      // As if the first delivery's insert committed and the queue call then failed.
      await storeWebhookEvent(
        env.runtime.container.db,
        describeWebhookEvent('facebook', Buffer.from(body), JSON.parse(body)),
      );
      expect((await rowsFor('facebook', [bodyId(body)]))[0]?.processed).toBe(false);
      const redelivery = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body),
      });
      expect(redelivery.json).toEqual({ received: true, duplicate: true });
      await env.runtime.queue.drained();
      expect(await rowsFor('facebook', [bodyId(body)])).toEqual([
        expect.objectContaining({ processed: true }),
      ]);
    });

    it('accepts events signed with another configured Meta app secret (Instagram)', async () => {
      const body = JSON.stringify({
        object: 'instagram',
        entry: [{ id: 'ig1', time: 2, changes: [{ field: 'comments', value: { id: randomUUID() } }] }],
      });
      const response = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body, INSTAGRAM_SECRET),
      });
      expect(response.status).toBe(200);
    });

    it('refuses a wrong secret, a tampered body, a missing header and a SHA-1-only header, storing nothing', async () => {
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: 'p2', time: 3, changes: [{ field: 'feed', value: { id: randomUUID() } }] }],
      });
      const tampered = body.replace('p2', 'p3');
      const wrongSecret = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body, 'not-the-secret'),
      });
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.headers.get('content-type')).toBe('application/problem+json');
      expect(
        (await post('/api/webhooks/facebook', tampered, { 'x-hub-signature-256': metaSignature(body) }))
          .status,
      ).toBe(401);
      expect(
        (await post('/api/webhooks/facebook', body, { 'x-hub-signature-256': 'sha256=zz' })).status,
      ).toBe(401);
      const missing = await post('/api/webhooks/facebook', body, {});
      expect(missing.status).toBe(400);
      expect(missing.json).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'headers.x-hub-signature-256' }],
      });
      const sha1 = `sha1=${createHmac('sha1', FACEBOOK_SECRET).update(body).digest('hex')}`;
      expect((await post('/api/webhooks/facebook', body, { 'x-hub-signature': sha1 })).status).toBe(400);
      expect(await rowsFor('facebook', [bodyId(body), bodyId(tampered)])).toEqual([]);
    });

    it('refuses a signed body that is not JSON with 400 and stores nothing', async () => {
      const body = `not json ${randomUUID()}`;
      const response = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body),
      });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: 'malformed_json' });
      expect(await rowsFor('facebook', [bodyId(body)])).toEqual([]);
    });

    it('marks the connected account needs_reauth when Meta reports the app removed, and only that account', async () => {
      const admin = await env.signUp();
      const other = await env.signUp();
      const pageId = `page-${randomUUID()}`;
      const [mine, theirs] = await withSystem(env.runtime.container.db, async (tx) => [
        (
          await tx
            .insert(socialAccounts)
            .values({ organizationId: admin.organizationId, platform: 'facebook', accountId: pageId })
            .returning()
        )[0]!,
        (
          await tx
            .insert(socialAccounts)
            .values({
              organizationId: other.organizationId,
              platform: 'facebook',
              accountId: `other-${pageId}`,
            })
            .returning()
        )[0]!,
      ]);
      const body = JSON.stringify({
        object: 'permissions',
        entry: [{ id: pageId, time: 4, changes: [{ field: 'connected', value: { verb: 'revoked' } }] }],
      });
      expect(
        (await post('/api/webhooks/facebook', body, { 'x-hub-signature-256': metaSignature(body) })).status,
      ).toBe(200);
      await env.runtime.queue.drained();
      const accounts = await withSystem(env.runtime.container.db, (tx) =>
        tx
          .select()
          .from(socialAccounts)
          .where(inArray(socialAccounts.id, [mine.id, theirs.id])),
      );
      expect(accounts.find((a) => a.id === mine.id)?.status).toBe('needs_reauth');
      expect(accounts.find((a) => a.id === theirs.id)?.status).toBe('active');
      const [event] = await rowsFor('facebook', [bodyId(body)]);
      expect(event).toMatchObject({ processed: true, organizationId: admin.organizationId });
    });

    it('verifies base64-encoded bodies (API Gateway binary payloads) over their bytes', async () => {
      const body = JSON.stringify({
        object: 'page',
        entry: [
          { id: 'p9', time: 9, changes: [{ field: 'feed', value: { text: 'café ☕', id: randomUUID() } }] },
        ],
      });
      const event = httpEvent('POST /api/webhooks/facebook', {
        headers: { 'x-hub-signature-256': metaSignature(body) },
      });
      const result = await webhooksHandler(
        { ...event, body: Buffer.from(body).toString('base64'), isBase64Encoded: true },
        {} as never,
      );
      expect(result.statusCode).toBe(200);
      expect(await rowsFor('facebook', [bodyId(body)])).toHaveLength(1);
    });
  });

  describe('X', () => {
    it('answers the CRC with the base64 HMAC of crc_token under the consumer secret', async () => {
      const response = await get('/api/webhooks/twitter?crc_token=challenge-123');
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({
        response_token: `sha256=${hmac(CONSUMER_SECRET, 'challenge-123').digest('base64')}`,
      });
      expect((await get('/api/webhooks/twitter')).status).toBe(400);
    });

    it('stores signed events once and refuses bad signatures', async () => {
      const body = JSON.stringify({ for_user_id: '42', favorite_events: [{ id: randomUUID() }] });
      expect(
        (
          await post('/api/webhooks/twitter', body, {
            'x-twitter-webhooks-signature': xSignature(body, 'wrong'),
          })
        ).status,
      ).toBe(401);
      // Meta's hex form is not X's base64 form.
      expect(
        (
          await post('/api/webhooks/twitter', body, {
            'x-twitter-webhooks-signature': `sha256=${hmac(CONSUMER_SECRET, body).digest('hex')}`,
          })
        ).status,
      ).toBe(401);
      expect((await post('/api/webhooks/twitter', body, {})).status).toBe(400);
      expect(await rowsFor('twitter', [bodyId(body)])).toEqual([]);
      const ok = await post('/api/webhooks/twitter', body, {
        'x-twitter-webhooks-signature': xSignature(body),
      });
      expect(ok.json).toEqual({ received: true, duplicate: false });
      expect(
        (await post('/api/webhooks/twitter', body, { 'x-twitter-webhooks-signature': xSignature(body) }))
          .json,
      ).toEqual({ received: true, duplicate: true });
      expect(await rowsFor('twitter', [bodyId(body)])).toEqual([
        expect.objectContaining({ eventType: 'favorite_events' }),
      ]);
    });
  });

  describe('LinkedIn', () => {
    it('answers the challenge with the hex HMAC of challengeCode under the client secret, as JSON', async () => {
      const code = '890e4665-4dfe-4ab1-b689-ed553bceeed0';
      const response = await get(`/api/webhooks/linkedin?challengeCode=${code}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(response.text)).toEqual({
        challengeCode: code,
        challengeResponse: hmac(LINKEDIN_SECRET, code).digest('hex'),
      });
    });

    it('deduplicates on notificationId even when the redelivered bytes differ', async () => {
      const notificationId = randomUUID();
      const body = JSON.stringify({ notificationId, type: 'ORGANIZATION_SOCIAL_ACTION' });
      const reordered = JSON.stringify({ type: 'ORGANIZATION_SOCIAL_ACTION', notificationId });
      expect(
        (await post('/api/webhooks/linkedin', body, { 'x-li-signature': linkedInSignature(body) })).json,
      ).toEqual({ received: true, duplicate: false });
      expect(
        (await post('/api/webhooks/linkedin', reordered, { 'x-li-signature': linkedInSignature(reordered) }))
          .json,
      ).toEqual({ received: true, duplicate: true });
      expect(await rowsFor('linkedin', [`notification:${notificationId}`])).toHaveLength(1);
    });

    it('refuses a wrong client secret and a tampered body, storing nothing', async () => {
      const notificationId = randomUUID();
      const body = JSON.stringify({ notificationId, type: 'COMMENT' });
      expect(
        (await post('/api/webhooks/linkedin', body, { 'x-li-signature': linkedInSignature(body, 'wrong') }))
          .status,
      ).toBe(401);
      expect(
        (
          await post('/api/webhooks/linkedin', body.replace('COMMENT', 'LIKE'), {
            'x-li-signature': linkedInSignature(body),
          })
        ).status,
      ).toBe(401);
      expect(await rowsFor('linkedin', [`notification:${notificationId}`])).toEqual([]);
    });
  });

  describe('missing configuration', () => {
    it('answers 503 naming the missing setting, and stores nothing', async () => {
      useSecrets('{}');
      const crc = await get('/api/webhooks/twitter?crc_token=abc');
      expect(crc.status).toBe(503);
      expect(JSON.parse(crc.text)).toMatchObject({
        code: 'service_unavailable',
        setting: 'twitter.consumerSecret',
      });
      const challenge = await get('/api/webhooks/linkedin?challengeCode=abc');
      expect(JSON.parse(challenge.text)).toMatchObject({ setting: 'linkedin.clientSecret' });
      const hub = await get('/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1');
      expect(JSON.parse(hub.text)).toMatchObject({ setting: 'facebook.webhookVerifyToken' });
      const body = JSON.stringify({ object: 'page', entry: [{ id: randomUUID() }] });
      const event = await post('/api/webhooks/facebook', body, {
        'x-hub-signature-256': metaSignature(body),
      });
      expect(event.status).toBe(503);
      expect(event.json).toMatchObject({ setting: 'facebook.appSecret' });
      expect(await rowsFor('facebook', [bodyId(body)])).toEqual([]);
    });

    it('answers 503 without leaking details when the platform-apps secret is malformed', async () => {
      useSecrets('{"facebook": 3}');
      const response = await get('/api/webhooks/twitter?crc_token=abc');
      expect(response.status).toBe(503);
      expect(response.text).not.toContain('facebook');
    });
  });
});
