import type { Logger, Realtime } from '../ports';

/** What a person did to a post; the dashboard refetches the post and the lists it is in. */
export type PostChange = 'created' | 'updated' | 'deleted' | 'scheduled' | 'publishing';

/**
 * Tells the organization's open dashboards that a post changed by a person's hand (the
 * publisher's own moves travel as `post-target.updated`), so a colleague's calendar and
 * lists follow without a reload. Best effort after the commit: the database holds the truth.
 */
export async function announcePostChange(
  container: { realtime: Pick<Realtime, 'broadcast'>; logger: Pick<Logger, 'warn'> },
  organizationId: string,
  change: PostChange,
  postIds: string[],
): Promise<void> {
  if (postIds.length === 0) return;
  try {
    await container.realtime.broadcast(organizationId, { type: 'post.changed', data: { change, postIds } });
  } catch (error) {
    container.logger.warn('Could not push a post change', { change, postIds, error: String(error) });
  }
}
