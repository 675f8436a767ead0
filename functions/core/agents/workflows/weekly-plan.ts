import { and, eq, inArray } from 'drizzle-orm';
import { aiAgentTasks, postPlatforms, socialAccounts } from '../../../db/schema';
import { weeklyPlanInput, type WeeklyPlanInput } from '../../../shared/agents/workflows';
import { applyPostEffects, type EffectPorts } from '../../posts/post-effects';
import { optimizeScheduleOutput } from '../best-time/optimize-schedule-task';
import { generateContentOutput, type GenerateContentOutput } from '../content/generate-content';
import { predictEngagementOutput } from '../engagement-model/predict-engagement-task';
import { postText } from '../tasks/save-task-drafts';
import type { AgentTaskDeps, TaskHandlers } from '../tasks/run-task';
import type { TaskContext, TaskHandler } from '../tasks/task-handler';
import { analyzeTrendsOutput, type AnalyzeTrendsOutput } from '../trends/analyze-trends-task';
import { keepWorkflowDrafts, type SlotPick } from './keep-drafts';
import { runStep, type WorkflowRun } from './run-step';
import { recordedOutput, storeOutput, workflowOutput, type WorkflowOutput, type WorkflowSlot } from './workflow-output';

export type WorkflowDeps = AgentTaskDeps & EffectPorts;

/** Variants the content step writes per slot; the engagement step keeps the best. */
const VARIANTS_PER_SLOT = 2;

/** Slot i goes to account i mod n, about rising term i mod m (none when nothing rose). */
function planSlots(
  input: WeeklyPlanInput,
  accounts: ReadonlyMap<string, WorkflowSlot['platform']>,
  trends: AnalyzeTrendsOutput,
): WorkflowSlot[] {
  // The trend analyzer ranks the rising terms, most significant first.
  const terms = trends.bursts.map((burst) => burst.term);
  return Array.from({ length: input.postsCount }, (_, slot) => {
    const accountId = input.accountIds[slot % input.accountIds.length]!;
    return { slot, accountId, platform: accounts.get(accountId)!, term: terms[slot % terms.length] ?? null };
  });
}

function briefFor(slot: WorkflowSlot, input: WeeklyPlanInput, trends: AnalyzeTrendsOutput): string {
  const burst = trends.bursts.find((b) => b.term === slot.term);
  if (!burst)
    return `A post for the coming ${input.days} days, in the spirit of what our audience liked best lately (nothing stood out as rising).`;
  return `A post for the coming ${input.days} days about ${burst.term}, which is rising in our posts, mentions and competitors' posts (${burst.countWindow} uses in the last ${input.days} days, about ${Math.round(burst.expected)} expected).`;
}

/** The variant to keep: one that passes the network's checks first, then the best predicted. */
function bestVariant(
  drafts: GenerateContentOutput['drafts'],
  predicted: ReadonlyMap<number, number | null>,
): GenerateContentOutput['drafts'][number] | undefined {
  const score = (variant: number) => predicted.get(variant) ?? -1;
  return [...drafts].sort(
    (a, b) =>
      Number(b.check.valid) - Number(a.check.valid) || score(b.variant) - score(a.variant) || a.variant - b.variant,
  )[0];
}

async function loadAccounts(context: TaskContext, ids: string[]) {
  const rows = await context.inTenant((tx) =>
    tx
      .select({ id: socialAccounts.id, platform: socialAccounts.platform })
      .from(socialAccounts)
      .where(and(eq(socialAccounts.organizationId, context.organizationId), inArray(socialAccounts.id, ids))),
  );
  const accounts = new Map(rows.map((row) => [row.id, row.platform]));
  const missing = ids.filter((id) => !accounts.has(id));
  if (missing.length > 0) throw new Error(`Account(s) ${missing.join(', ')} are no longer this organization's.`);
  return accounts;
}

async function recorded(context: TaskContext): Promise<WorkflowOutput> {
  const [row] = await context.inTenant((tx) =>
    tx.select({ outputData: aiAgentTasks.outputData }).from(aiAgentTasks).where(eq(aiAgentTasks.id, context.taskId)),
  );
  return recordedOutput(row?.outputData, {
    workflow: 'weekly_plan',
    slots: [],
    steps: [],
    drafts: null,
    summary: 'Running.',
  });
}

/**
 * `workflow.weekly_plan`: trends -> content per slot -> engagement per variant (the best kept)
 * -> the chosen variants kept as posts in review -> the smart scheduler proposes their times
 * (the targets stay drafts: a person approves and schedules). Each step is a task of its agent
 * (a child of this one), metered and budgeted as any; what a step already did is reused when
 * the workflow is resumed after a failure.
 */
export function weeklyPlanWorkflow(
  deps: WorkflowDeps,
  handlers: TaskHandlers,
): TaskHandler<WeeklyPlanInput, WorkflowOutput> {
  return {
    input: weeklyPlanInput,
    output: workflowOutput,
    async run(context, input) {
      const run: WorkflowRun = { deps, handlers, context, output: await recorded(context) };
      const total = 3 + input.postsCount * (1 + VARIANTS_PER_SLOT);
      let done = 0;
      const stepped = () => context.progress((++done / total) * 100);
      const accounts = await loadAccounts(context, input.accountIds);

      const trends = await runStep(
        run,
        'trends',
        'trends.analyze',
        { days: input.days, timeZone: input.timeZone },
        analyzeTrendsOutput,
      );
      await stepped();
      if (run.output.slots.length === 0) {
        run.output.slots = planSlots(input, accounts, trends.output);
        await context.inTenant((tx) => storeOutput(tx, context.taskId, run.output));
      }

      const picks: SlotPick[] = [];
      for (const slot of run.output.slots) {
        const brief = briefFor(slot, input, trends.output);
        const content = await runStep(
          run,
          `content:${slot.slot}`,
          'content.generate',
          { brief, platforms: [slot.platform], variants: VARIANTS_PER_SLOT, goal: input.goal, includeHashtags: true },
          generateContentOutput,
        );
        await stepped();
        const drafts = content.output.drafts.filter((draft) => draft.platform === slot.platform);
        const predicted = new Map<number, number | null>();
        for (const draft of drafts) {
          const prediction = await runStep(
            run,
            `predict:${slot.slot}:${draft.variant}`,
            'engagement.predict',
            { text: postText(draft), accountId: slot.accountId, mediaCount: 0, timeZone: input.timeZone },
            predictEngagementOutput,
          );
          const result = prediction.output.prediction;
          predicted.set(draft.variant, result.supported ? result.prediction.engagement : null);
          await stepped();
        }
        const best = bestVariant(drafts, predicted);
        if (!best) throw new Error(`The content step of slot ${slot.slot} wrote no draft for ${slot.platform}.`);
        picks.push({
          slot: slot.slot,
          accountId: slot.accountId,
          platform: slot.platform,
          variant: best.variant,
          text: postText(best),
          predictedEngagement: predicted.get(best.variant) ?? null,
          contentTaskId: content.taskId,
          model: content.model,
          brief,
        });
      }

      const kept = await keepWorkflowDrafts(context, picks, run.output);
      run.output.drafts = kept.drafts;
      if (kept.effects) await applyPostEffects(deps, kept.effects);
      await stepped();

      await runStep(
        run,
        'schedule',
        'schedule.optimize',
        {
          accountIds: input.accountIds,
          postIds: kept.drafts.map((draft) => draft.postId),
          days: input.days,
          timeZone: input.timeZone,
          apply: true,
        },
        optimizeScheduleOutput,
      );
      const proposed = await context.inTenant((tx) =>
        tx
          .select({ postId: postPlatforms.postId, at: postPlatforms.scheduledAt })
          .from(postPlatforms)
          .where(inArray(postPlatforms.postId, kept.drafts.map((draft) => draft.postId))),
      );
      for (const draft of run.output.drafts)
        draft.proposedAt = proposed.find((row) => row.postId === draft.postId)?.at?.toISOString() ?? null;
      const timed = run.output.drafts.filter((draft) => draft.proposedAt).length;
      run.output.summary = `${run.output.drafts.length} post(s) drafted and waiting for approval, ${timed} with a proposed time.`;
      return run.output;
    },
  };
}
