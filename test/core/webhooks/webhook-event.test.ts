import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findAccountRevocations } from '../../../functions/core/webhooks/account-revocations';
import { describeWebhookEvent } from '../../../functions/core/webhooks/webhook-event';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const sha = (buffer: Buffer) => `sha256:${createHash('sha256').update(buffer).digest('hex')}`;

describe('describeWebhookEvent', () => {
  it('identifies Meta deliveries by the hash of their exact bytes and names object and fields', () => {
    const payload = {
      object: 'page',
      entry: [{ id: '1', time: 1, changes: [{ field: 'feed' }, { field: 'mention' }, { field: 'feed' }] }],
    };
    const raw = bytes(payload);
    expect(describeWebhookEvent('facebook', raw, payload)).toEqual({
      source: 'facebook',
      externalId: sha(raw),
      eventType: 'page.feed,mention',
      data: payload,
    });
    // Same JSON value, different bytes: a different delivery as far as the signature is concerned.
    const spaced = Buffer.from(JSON.stringify(payload, null, 1));
    expect(describeWebhookEvent('facebook', spaced, payload).externalId).not.toBe(sha(raw));
  });

  it('names X Account Activity events by their key', () => {
    const payload = { for_user_id: '42', tweet_create_events: [{ id_str: '1' }] };
    expect(describeWebhookEvent('twitter', bytes(payload), payload).eventType).toBe('tweet_create_events');
  });

  it('deduplicates LinkedIn on notificationId, falling back to the body hash', () => {
    const withId = { notificationId: 8812, type: 'COMMENT' };
    expect(describeWebhookEvent('linkedin', bytes(withId), withId)).toMatchObject({
      externalId: 'notification:8812',
      eventType: 'COMMENT',
    });
    const withoutId = { type: 'LIKE' };
    expect(describeWebhookEvent('linkedin', bytes(withoutId), withoutId).externalId).toBe(
      sha(bytes(withoutId)),
    );
    const hugeId = { notificationId: 'x'.repeat(400) };
    expect(describeWebhookEvent('linkedin', bytes(hugeId), hugeId).externalId).toBe(sha(bytes(hugeId)));
  });

  it('copes with payloads that are not objects', () => {
    for (const payload of [null, 3, 'text', [1, 2]]) {
      const event = describeWebhookEvent('facebook', bytes(payload), payload);
      expect(event.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(event.eventType.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('findAccountRevocations', () => {
  it('reads a Meta permission revocation for the entry id', () => {
    const payload = {
      object: 'permissions',
      entry: [
        { id: '1001', time: 1, changes: [{ field: 'pages_manage_posts', value: { verb: 'revoked' } }] },
      ],
    };
    expect(findAccountRevocations('facebook', payload)).toEqual([
      expect.objectContaining({ accountId: '1001', platforms: ['facebook', 'instagram', 'threads'] }),
    ]);
  });

  it('ignores Meta grants and ordinary page events', () => {
    expect(
      findAccountRevocations('facebook', {
        object: 'permissions',
        entry: [{ id: '1', changes: [{ field: 'email', value: { verb: 'granted' } }] }],
      }),
    ).toEqual([]);
    expect(
      findAccountRevocations('facebook', {
        object: 'page',
        entry: [{ id: '1', changes: [{ field: 'feed', value: { verb: 'revoked' } }] }],
      }),
    ).toEqual([]);
  });

  it('reads an X user_event revoke for the source user', () => {
    const payload = {
      user_event: {
        revoke: {
          date_time: '2026-11-26T13:00:00+0000',
          target: { app_id: '9' },
          source: { user_id: '63046977' },
        },
      },
    };
    expect(findAccountRevocations('twitter', payload)).toEqual([
      expect.objectContaining({ accountId: '63046977', platforms: ['twitter'] }),
    ]);
  });

  it('finds nothing in LinkedIn notifications or malformed payloads', () => {
    expect(findAccountRevocations('linkedin', { type: 'COMMENT' })).toEqual([]);
    expect(findAccountRevocations('twitter', { user_event: { revoke: 'yes' } })).toEqual([]);
    expect(findAccountRevocations('facebook', null)).toEqual([]);
  });
});
