import type { components } from '../../api/schema.gen';
import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';

type PostStatus = components['schemas']['Post']['status'];

/** The statuses a screen reader should hear about, as of one render. */
export interface StatusSnapshot {
  status: PostStatus;
  targets: { id: string; platform: Platform; accountName: string | null; status: PostStatus }[];
}

/**
 * One sentence for what moved between two snapshots of a post ("Sandbox @ada: Published."),
 * or '' when nothing did. The first snapshot announces nothing: the page just opened.
 * `label` is the status wording of the dashboard (STATUS_LOOK), passed in so this stays pure.
 */
export function describeStatusChanges(
  before: StatusSnapshot | null,
  after: StatusSnapshot,
  label: (status: PostStatus) => string,
): string {
  if (!before) return '';
  const previous = new Map(before.targets.map((t) => [t.id, t.status]));
  const moved = after.targets
    .filter((t) => previous.has(t.id) && previous.get(t.id) !== t.status)
    .map((t) => `${`${PLATFORM_LOOK[t.platform].name} ${t.accountName ?? ''}`.trim()}: ${label(t.status)}.`);
  if (before.status !== after.status) moved.unshift(`Post status: ${label(after.status)}.`);
  return moved.join(' ');
}
