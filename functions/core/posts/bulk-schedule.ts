import type { Transaction } from '../../db/tenant';
import { ApprovalRequiredError, isDomainError, RuleViolation, type FieldIssue } from '../errors';
import type { ScheduleTimeInput } from '../publishing/schedule-time';
import { initialApprovalStatus } from './approval/approval-state';
import { loadApprovalPolicy } from './approval/load-approval-policy';
import { authorZone, insertPost } from './insert-post';
import { loadPost, type PostWithTargets } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects, type ArmedTarget, type PostEffects } from './post-effects';
import type { PostPorts } from './post-ports';
import { assertReferences } from './references';
import { resolveFutureTime } from './schedule-post';
import { scheduleTargets } from './schedule-targets';

/** One post of a batch: its text, its accounts, and when (`at`, or `localTime` with `timeZone`). */
export interface BulkRow {
  content: string;
  title?: string;
  socialAccountIds: string[];
  mediaIds?: string[];
  firstComment?: string;
  at?: string;
  localTime?: string;
  timeZone?: string;
}

/**
 * Creates and schedules many posts in the caller's transaction, all or nothing: every row is
 * tried, and any refusal (accounts, media, time, each network's rules) becomes a RuleViolation
 * listing every bad row's issues under `labelOf(index)`, so the caller's rollback leaves nothing.
 */
export async function bulkSchedulePosts(
  tx: Transaction,
  ports: PostPorts,
  actor: PostActor,
  rows: readonly BulkRow[],
  labelOf: (index: number) => string,
): Promise<{ posts: PostWithTargets[]; effects: PostEffects }> {
  const now = ports.clock.now();
  const { organizationId, userId } = actor;
  const approvalStatus = initialApprovalStatus(await loadApprovalPolicy(tx, organizationId), {
    role: actor.role,
  });
  // Posts that need a reviewer cannot be scheduled in one step; refuse the batch up front.
  if (approvalStatus !== 'not_required') {
    throw new ApprovalRequiredError(
      'Your posts need approval in this organization: create them as drafts and send them for review.',
      approvalStatus,
    );
  }
  const zone = await authorZone(tx, userId);
  const arm: ArmedTarget[] = [];
  const created: string[] = [];
  const errors: FieldIssue[] = [];
  for (const [index, row] of rows.entries()) {
    const label = labelOf(index);
    try {
      const input = { ...row, targets: row.socialAccountIds.map((socialAccountId) => ({ socialAccountId })) };
      await assertReferences(tx, organizationId, input, label);
      const when: ScheduleTimeInput = row.at
        ? { at: row.at, timeZone: row.timeZone }
        : { localTime: row.localTime!, timeZone: row.timeZone! };
      const { at, timeZone } = resolveFutureTime(when, zone, now, label);
      const { post: inserted } = await insertPost(
        tx,
        organizationId,
        userId,
        { ...input, timezone: timeZone },
        now,
        { approvalStatus },
      );
      const id = inserted.id;
      const loaded = await loadPost(tx, organizationId, id, true);
      arm.push(...(await scheduleTargets(tx, ports, loaded, at, timeZone, actor.audit, 'bulk schedule')));
      created.push(id);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const found = ('issues' in error ? error.issues : undefined) ?? [
        { field: label, message: error.message },
      ];
      errors.push(
        ...found.map((e) =>
          e.field.startsWith('rows.') ? e : { field: `${label}.${e.field}`, message: e.message },
        ),
      );
    }
  }
  // The caller's transaction rolls back every row written so far: all or nothing.
  if (errors.length > 0)
    throw new RuleViolation('Some rows cannot be scheduled; nothing was scheduled.', errors);
  const posts: PostWithTargets[] = [];
  for (const id of created) posts.push(await loadPost(tx, organizationId, id));
  return { posts, effects: postEffects(organizationId, 'scheduled', created, { arm }) };
}
