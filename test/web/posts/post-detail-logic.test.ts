import { describe, expect, it } from 'vitest';
import { postAbilities } from '../../../web/src/pages/posts/post-abilities';
import { firstWords, postMoment } from '../../../web/src/pages/posts/post-text';
import { scheduleBody, suggestedSchedule } from '../../../web/src/pages/posts/schedule-input';
import { describeStatusChanges, type StatusSnapshot } from '../../../web/src/pages/posts/status-changes';

const label = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

const snap = (status: StatusSnapshot['status'], target: StatusSnapshot['targets'][number]['status']) => ({
  status,
  targets: [{ id: 't1', platform: 'sandbox' as const, accountName: '@ada', status: target }],
});

describe('post detail logic', () => {
  it('announces only what moved, never on first load', () => {
    expect(describeStatusChanges(null, snap('draft', 'draft'), label)).toBe('');
    expect(describeStatusChanges(snap('draft', 'draft'), snap('draft', 'draft'), label)).toBe('');
    expect(
      describeStatusChanges(snap('publishing', 'publishing'), snap('published', 'published'), label),
    ).toBe('Post status: Published. Sandbox @ada: Published.');
  });

  it('offers only the actions the API allows', () => {
    expect(postAbilities([{ status: 'draft' }])).toEqual({
      canEdit: true,
      canSchedule: true,
      canPublishNow: true,
      canDelete: true,
      scheduleVerb: 'Schedule',
    });
    expect(postAbilities([{ status: 'failed' }, { status: 'published' }])).toMatchObject({
      canEdit: false,
      canSchedule: true,
      scheduleVerb: 'Retry',
    });
    expect(postAbilities([{ status: 'publishing' }, { status: 'scheduled' }])).toMatchObject({
      canSchedule: false,
      canPublishNow: false,
      canDelete: false,
    });
    expect(postAbilities([{ status: 'unconfirmed' }])).toMatchObject({ canEdit: false, canSchedule: false });
    expect(postAbilities([{ status: 'scheduled' }]).scheduleVerb).toBe('Reschedule');
  });

  it('builds the schedule body as a wall time in a zone', () => {
    expect(scheduleBody({ date: '2026-06-01', time: '09:30', timeZone: 'Asia/Tokyo' })).toEqual({
      body: { localTime: '2026-06-01T09:30', timeZone: 'Asia/Tokyo' },
    });
    expect(scheduleBody({ date: '', time: '09:30', timeZone: 'UTC' })).toEqual({ error: 'Choose a date.' });
    expect(scheduleBody({ date: '2026-06-01', time: '', timeZone: 'UTC' })).toEqual({
      error: 'Choose a time.',
    });
    // 23:30 UTC on 31 Dec is already 1 January in Tokyo: tomorrow is the 2nd there.
    expect(suggestedSchedule('Asia/Tokyo', new Date('2026-12-31T23:30:00Z'))).toEqual({
      date: '2027-01-02',
      time: '09:00',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('cuts long text at a word and picks the moment that matters', () => {
    expect(firstWords('Short  and\nsweet')).toBe('Short and sweet');
    expect(firstWords('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(firstWords('https://example.com/a-very-long-link-without-spaces', 10)).toBe('https://ex…');
    expect(postMoment({ status: 'published', scheduledAt: 'x', publishedAt: 'y' })).toEqual({
      label: 'Published',
      at: 'y',
    });
    expect(postMoment({ status: 'draft', scheduledAt: null, publishedAt: null }).label).toBe('Not scheduled');
  });
});
