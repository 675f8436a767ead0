import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import * as z from 'zod';
import { postPlatforms, posts, socialAccounts } from '../../../db/schema';
import { optimizeScheduleInput, type OptimizeScheduleInput } from '../../../shared/agents/task-inputs';
import { refreshPostStatus } from '../../publishing/post-status';
import { learningWindow, loadPostOutcomes } from '../post-outcomes';
import type { TaskHandler } from '../tasks/task-handler';
import { smartScheduleResult } from './result';
import { smartSchedule } from './smart-schedule';

export const optimizeScheduleOutput = smartScheduleResult.extend({
  applied: z.number().int().describe('Drafts whose proposed time was set (they stay drafts)'),
  skipped: z.array(z.object({ postId: z.string(), reason: z.string() })),
});
export type OptimizeScheduleOutput = z.infer<typeof optimizeScheduleOutput>;

/**
 * `schedule.optimize`: each account's best times from its own engagement by weekday and hour
 * in the audience's zone, with the evidence and the backtest; with drafts, the plan that
 * places them in the coming days away from what is already scheduled; with `apply`, the
 * drafts' proposed times set (a draft stays a draft: a person schedules it).
 */
export const optimizeScheduleTask: TaskHandler<OptimizeScheduleInput, OptimizeScheduleOutput> = {
  input: optimizeScheduleInput,
  output: optimizeScheduleOutput,
  async run(context, input) {
    const now = context.now;
    const until = new Date(now.getTime() + input.days * 86_400_000);
    const loaded = await context.inTenant(async (tx) => {
      const accounts = await tx
        .select({ accountId: socialAccounts.id, platform: socialAccounts.platform })
        .from(socialAccounts)
        .where(
          and(
            eq(socialAccounts.organizationId, context.organizationId),
            eq(socialAccounts.isActive, true),
            input.accountIds?.length ? inArray(socialAccounts.id, input.accountIds) : undefined,
          ),
        )
        .orderBy(socialAccounts.createdAt, socialAccounts.id);
      const ids = accounts.map((account) => account.accountId);
      const outcomes = await loadPostOutcomes(tx, context.organizationId, {
        ...learningWindow(now),
        ...(input.accountIds?.length ? { accountIds: input.accountIds } : {}),
      });
      const drafts = input.postIds?.length
        ? await tx
            .select({
              id: postPlatforms.id,
              postId: postPlatforms.postId,
              socialAccountId: postPlatforms.socialAccountId,
              status: postPlatforms.status,
              postStatus: posts.status,
            })
            .from(postPlatforms)
            .innerJoin(posts, eq(posts.id, postPlatforms.postId))
            .where(
              and(
                eq(postPlatforms.organizationId, context.organizationId),
                inArray(postPlatforms.postId, input.postIds),
                isNull(posts.deletedAt),
              ),
            )
        : [];
      const busy = ids.length
        ? await tx
            .select({ socialAccountId: postPlatforms.socialAccountId, at: postPlatforms.scheduledAt })
            .from(postPlatforms)
            .where(
              and(
                eq(postPlatforms.organizationId, context.organizationId),
                inArray(postPlatforms.socialAccountId, ids),
                inArray(postPlatforms.status, ['scheduled', 'publishing', 'published']),
                gte(postPlatforms.scheduledAt, new Date(now.getTime() - 86_400_000)),
                lt(postPlatforms.scheduledAt, until),
              ),
            )
        : [];
      return { accounts, outcomes, drafts, busy };
    });
    await context.progress(30);
    const known = new Set(loaded.accounts.map((a) => a.accountId));
    const skipped: OptimizeScheduleOutput['skipped'] = [];
    for (const postId of input.postIds ?? [])
      if (!loaded.drafts.some((d) => d.postId === postId))
        skipped.push({ postId, reason: 'No such post in this organization.' });
    const placeable = loaded.drafts.filter((draft) => {
      if (draft.postStatus !== 'draft' || draft.status !== 'draft') {
        skipped.push({
          postId: draft.postId,
          reason: `The post is ${draft.postStatus}, not a draft: only drafts are placed.`,
        });
        return false;
      }
      if (!known.has(draft.socialAccountId)) {
        skipped.push({ postId: draft.postId, reason: 'Its account is not among the accounts planned for.' });
        return false;
      }
      return true;
    });
    const result = smartSchedule({
      outcomes: loaded.outcomes,
      accounts: loaded.accounts.map((a) => ({ ...a, timeZone: input.timeZone })),
      drafts: placeable.map((d) => ({ id: d.id, socialAccountId: d.socialAccountId })),
      busy: loaded.busy.flatMap((b) => (b.at ? [{ socialAccountId: b.socialAccountId, at: b.at }] : [])),
      now,
      plan: { days: input.days },
    });
    await context.progress(80);
    const json = smartScheduleResult.parse(JSON.parse(JSON.stringify(result)));
    let applied = 0;
    if (input.apply && result.plan) {
      const planned = result.plan.planned;
      await context.inTenant(async (tx) => {
        const touched = new Set<string>();
        for (const item of planned) {
          const updated = await tx
            .update(postPlatforms)
            .set({ scheduledAt: new Date(item.at) })
            .where(and(eq(postPlatforms.id, item.draftId), eq(postPlatforms.status, 'draft')))
            .returning({ postId: postPlatforms.postId });
          applied += updated.length;
          for (const row of updated) touched.add(row.postId);
        }
        // The post's own time follows its targets' (it stays a draft: nothing is queued).
        for (const postId of touched) await refreshPostStatus(tx, postId);
      });
    }
    return { ...json, applied, skipped };
  },
};
