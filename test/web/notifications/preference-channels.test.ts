import { describe, expect, it } from 'vitest';
import {
  preferenceBody,
  PREFERENCE_CHANNELS,
  savedMessage,
  shownValue,
  type NotificationPreference,
} from '../../../web/src/pages/notifications/preference-channels';

const failed: NotificationPreference = {
  type: 'post.failed',
  label: 'Post failed',
  description: 'A network refused one of your posts.',
  inApp: true,
  email: false,
};

describe('notification preference channels', () => {
  it('lists the app then email, named for the switches', () => {
    expect(PREFERENCE_CHANNELS.map((c) => [c.field, c.name])).toEqual([
      ['inApp', 'In app'],
      ['email', 'Email'],
    ]);
  });

  it('saves only the flipped channel of the flipped type', () => {
    expect(preferenceBody({ type: 'post.failed', label: 'Post failed', channel: 'email', on: true })).toEqual(
      {
        preferences: { 'post.failed': { email: true } },
      },
    );
    expect(preferenceBody({ type: 'post.missed', label: 'Missed', channel: 'inApp', on: false })).toEqual({
      preferences: { 'post.missed': { inApp: false } },
    });
  });

  it('says what was saved, per channel', () => {
    expect(savedMessage({ type: 'post.failed', label: 'Post failed', channel: 'email', on: false })).toBe(
      'Saved: Post failed by email off.',
    );
    expect(savedMessage({ type: 'post.failed', label: 'Post failed', channel: 'inApp', on: true })).toBe(
      'Saved: Post failed in the app on.',
    );
  });

  it('shows the value being saved on its own switch only', () => {
    const saving = { type: 'post.failed', label: 'Post failed', channel: 'email' as const, on: true };
    expect(shownValue(failed, 'email', saving)).toBe(true);
    expect(shownValue(failed, 'inApp', saving)).toBe(true);
    expect(shownValue(failed, 'email', undefined)).toBe(false);
    expect(shownValue(failed, 'email', { ...saving, type: 'post.missed' })).toBe(false);
    expect(shownValue(failed, 'inApp', { ...saving, channel: 'inApp', on: false })).toBe(false);
  });
});
