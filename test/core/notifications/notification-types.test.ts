import { describe, expect, it } from 'vitest';
import {
  effectivePreferences,
  mergePreferences,
} from '../../../functions/core/notifications/notification-settings';
import {
  emailEnabled,
  inAppEnabled,
  isNotificationType,
  NOTIFICATION_TYPES,
  notificationTypes,
} from '../../../functions/core/notifications/notification-types';

describe('notification types and in-app preferences', () => {
  it('catalogues every event type with words for the settings page', () => {
    expect(notificationTypes().map((t) => t.type)).toEqual([...NOTIFICATION_TYPES]);
    expect(NOTIFICATION_TYPES).toHaveLength(14);
    for (const info of notificationTypes()) {
      expect(info.label.length).toBeGreaterThan(3);
      expect(info.description.length).toBeGreaterThan(10);
    }
    expect(isNotificationType('post.failed')).toBe(true);
    expect(isNotificationType('post.exploded')).toBe(false);
    expect(isNotificationType('constructor')).toBe(false);
  });

  it('is on unless switched off in the app (email choices do not matter)', () => {
    expect(inAppEnabled(undefined, 'post.failed')).toBe(true);
    expect(inAppEnabled({}, 'post.failed')).toBe(true);
    expect(inAppEnabled({ 'post.failed': { email: false } }, 'post.failed')).toBe(true);
    expect(inAppEnabled({ 'post.failed': { in_app: true } }, 'post.failed')).toBe(true);
    expect(inAppEnabled({ 'post.failed': { in_app: false } }, 'post.failed')).toBe(false);
    expect(inAppEnabled({ 'post.failed': { in_app: false } }, 'post.published')).toBe(true);
  });

  it('emails the actionable problems by default, not good news, unless the person chose', () => {
    expect(NOTIFICATION_TYPES.filter((type) => emailEnabled(undefined, type))).toEqual([
      'post.failed',
      'post.unconfirmed',
      'post.missed',
      'account.needs_reauth',
      // A scheduled report's recipients were chosen to receive it.
      'report.ready',
      // A reviewer must act on a request, an author on a request for changes.
      'post.review_requested',
      'post.changes_requested',
      'crisis.alert',
    ]);
    expect(emailEnabled({ 'post.failed': { email: false } }, 'post.failed')).toBe(false);
    expect(emailEnabled({ 'post.failed': { in_app: false } }, 'post.failed')).toBe(true);
    expect(emailEnabled({ 'post.published': { email: true } }, 'post.published')).toBe(true);
    expect(emailEnabled({}, 'post.exploded')).toBe(false);
  });

  it('merges in-app switches, keeping email values and untouched types', () => {
    const stored = { 'post.failed': { email: true }, 'post.missed': { in_app: false, email: false } };
    const merged = mergePreferences(stored, {
      'post.failed': { inApp: false },
      'post.published': { inApp: false },
    });
    expect(merged).toEqual({
      'post.failed': { email: true, in_app: false },
      'post.missed': { in_app: false, email: false },
      'post.published': { in_app: false },
    });
    expect(stored).toEqual({
      'post.failed': { email: true },
      'post.missed': { in_app: false, email: false },
    });
    expect(effectivePreferences(merged).map((p) => [p.type, p.inApp])).toEqual([
      ['post.published', false],
      ['post.failed', false],
      ['post.unconfirmed', true],
      ['post.missed', false],
      ['post.waiting', true],
      ['account.needs_reauth', true],
      ['report.ready', true],
      ['post.review_requested', true],
      ['post.approved', true],
      ['post.changes_requested', true],
      ['post.commented', true],
      ['crisis.alert', true],
      ['performance.anomaly', true],
      ['performance.summary', true],
    ]);
  });

  it('merges email switches alone or with in-app ones, keeping the channel left out', () => {
    const stored = { 'post.failed': { in_app: false } };
    const merged = mergePreferences(stored, {
      'post.failed': { email: false },
      'post.published': { inApp: false, email: true },
    });
    expect(merged).toEqual({
      'post.failed': { in_app: false, email: false },
      'post.published': { in_app: false, email: true },
    });
    expect(effectivePreferences(merged).map((p) => [p.type, p.inApp, p.email])).toEqual([
      ['post.published', false, true],
      ['post.failed', false, false],
      ['post.unconfirmed', true, true],
      ['post.missed', true, true],
      ['post.waiting', true, false],
      ['account.needs_reauth', true, true],
      ['report.ready', true, true],
      ['post.review_requested', true, true],
      ['post.approved', true, false],
      ['post.changes_requested', true, true],
      ['post.commented', true, false],
      ['crisis.alert', true, true],
      ['performance.anomaly', true, false],
      ['performance.summary', true, false],
    ]);
  });
});
