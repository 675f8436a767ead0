import type { components } from '../../api/schema.gen';
import type { Platform } from '../../publishing/platforms';
import { wallClockAt, type WallClock } from '../../lib/zoned-time';

export type CalendarEntry = components['schemas']['CalendarEntry'];
// From the schema rather than statuses.ts, which drags in React components (the unit tests run in node).
type PostStatus = components['schemas']['Post']['status'];
type PostTargetStatus = CalendarEntry['status'];

/** One chip: a post's targets that go out at the same instant, shown together. */
export interface CalendarItem {
  key: string;
  postId: string;
  at: string;
  /** Where the viewer's wall clock places it. */
  wall: WallClock;
  status: PostStatus;
  platforms: Platform[];
  title: string | null;
  excerpt: string;
  movable: boolean;
}

/** Only these may be dropped elsewhere; the server reschedules exactly these. */
const MOVABLE: readonly PostTargetStatus[] = ['draft', 'scheduled', 'failed', 'missed'];

/**
 * The chip's status from its targets', as the server derives a post's (post-status.ts):
 * work still moving wins, live-and-not-live is "partly published".
 */
export function chipStatus(statuses: readonly PostTargetStatus[]): PostStatus {
  const live = statuses.filter((status) => status !== 'cancelled');
  if (live.length === 0) return statuses.length === 0 ? 'draft' : 'cancelled';
  const set = new Set(live);
  if (set.size === 1) return live[0]!;
  for (const moving of ['publishing', 'scheduled'] as const) if (set.has(moving)) return moving;
  if (set.has('published')) return 'partially_published';
  for (const stuck of ['unconfirmed', 'failed', 'missed'] as const) if (set.has(stuck)) return stuck;
  return 'draft';
}

/** Why a chip cannot be dragged, or null when it can. */
export function whyNotMovable(status: PostStatus): string | null {
  if (status === 'published') return 'Published posts are live and cannot be moved.';
  if (status === 'partially_published') return 'Partly published: open the post to reschedule what is left.';
  if (status === 'publishing') return 'Being published right now; it cannot be moved.';
  if (status === 'unconfirmed') return 'It may already be live; open the post to check before moving it.';
  if (status === 'cancelled') return 'Cancelled posts are not scheduled.';
  return null;
}

/** Groups the API's per-target entries into chips placed on the viewer's wall clock. */
export function calendarItems(entries: readonly CalendarEntry[], timeZone: string): CalendarItem[] {
  const groups = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const key = `${entry.postId}@${entry.at}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const first = group[0]!;
      const status = chipStatus(group.map((entry) => entry.status));
      return {
        key,
        postId: first.postId,
        at: first.at,
        wall: wallClockAt(Date.parse(first.at), timeZone),
        status,
        platforms: [...new Set(group.map((entry) => entry.platform))],
        title: first.title,
        excerpt: first.excerpt,
        movable: group.every((entry) => MOVABLE.includes(entry.status)),
      };
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
}

/** The first few words, for a chip. */
export function firstWords(text: string, count = 6): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/**
 * The cached calendar after moving a post's entries to a new instant: the optimistic
 * update, rolled back when the server refuses.
 */
export function moveEntries(
  entries: readonly CalendarEntry[],
  postId: string,
  fromAt: string,
  toAt: string,
  timeZone: string,
): CalendarEntry[] {
  const wall = wallClockAt(Date.parse(toAt), timeZone);
  const localTime = `${String(Math.floor(wall.minutes / 60)).padStart(2, '0')}:${String(wall.minutes % 60).padStart(2, '0')}`;
  return entries.map((entry) =>
    entry.postId === postId && entry.at === fromAt
      ? { ...entry, at: toAt, day: wall.date, localTime, status: 'scheduled' }
      : entry,
  );
}

/** Chips by a key (a day, a day and slot), in their order. */
export function groupItems(items: readonly CalendarItem[], keyOf: (item: CalendarItem) => string) {
  const groups = new Map<string, CalendarItem[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
