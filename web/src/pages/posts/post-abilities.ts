import type { components } from '../../api/schema.gen';

type PostTargetStatus = components['schemas']['PostTarget']['status'];

/** Targets the server will (re)schedule or publish now (functions/http/operations/posts/schedule.ts). */
const SCHEDULABLE: readonly PostTargetStatus[] = ['draft', 'scheduled', 'failed', 'missed', 'cancelled'];
/** Targets whose content is, or may be, live: the post can no longer be edited (crud.ts). */
const FROZEN: readonly PostTargetStatus[] = ['publishing', 'published', 'unconfirmed'];

export interface PostAbilities {
  canEdit: boolean;
  canSchedule: boolean;
  canPublishNow: boolean;
  canDelete: boolean;
  scheduleVerb: 'Schedule' | 'Reschedule' | 'Retry';
}

/**
 * Which actions make sense for a post, from its targets' statuses, mirroring the API's own
 * rules so the page does not offer a button that can only answer 409.
 */
export function postAbilities(targets: readonly { status: PostTargetStatus }[]): PostAbilities {
  const statuses = targets.map((t) => t.status);
  const publishing = statuses.includes('publishing');
  const schedulable = !publishing && statuses.some((s) => SCHEDULABLE.includes(s));
  let scheduleVerb: PostAbilities['scheduleVerb'] = 'Schedule';
  if (statuses.some((s) => s === 'failed' || s === 'missed')) scheduleVerb = 'Retry';
  else if (statuses.includes('scheduled')) scheduleVerb = 'Reschedule';
  return {
    canEdit: !statuses.some((s) => FROZEN.includes(s)),
    canSchedule: schedulable,
    canPublishNow: schedulable,
    canDelete: !publishing,
    scheduleVerb,
  };
}
