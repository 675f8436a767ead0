import { and, eq } from 'drizzle-orm';
import * as z from 'zod';
import { socialAccounts } from '../../../db/schema';
import { predictEngagementInput, type PredictEngagementInput } from '../../../shared/agents/task-inputs';
import { InvalidInputError } from '../../errors';
import { learningWindow, loadPostOutcomes } from '../post-outcomes';
import type { TaskHandler } from '../tasks/task-handler';
import { loadAccountZones } from './load-account-zones';
import { predictDraftEngagement } from './predict-draft';
import { engagementPredictionSchema } from './result';

export const predictEngagementOutput = z.object({
  prediction: engagementPredictionSchema,
  plannedAt: z.string(),
  timeZone: z.string(),
  summary: z.string(),
  template: z.boolean(),
});
export type PredictEngagementOutput = z.infer<typeof predictEngagementOutput>;

const nextHour = (now: Date) => new Date(Math.ceil((now.getTime() + 1) / 3_600_000) * 3_600_000);

/**
 * `engagement.predict`: the draft's engagement from a model of the organization's own history
 * (with an 80 % interval, the main factors and the edits the history supports) and how the
 * model did against "same as your median" on the organization's recent posts. The audience's
 * zone is the one given (the weekday and hour the draft would be read in).
 */
export const predictEngagementTask: TaskHandler<PredictEngagementInput, PredictEngagementOutput> = {
  input: predictEngagementInput,
  output: predictEngagementOutput,
  async run(context, input) {
    const plannedAt = input.scheduledAt ? new Date(input.scheduledAt) : nextHour(context.now);
    const loaded = await context.inTenant(async (tx) => {
      const [account] = await tx
        .select({ platform: socialAccounts.platform })
        .from(socialAccounts)
        .where(
          and(
            eq(socialAccounts.id, input.accountId),
            eq(socialAccounts.organizationId, context.organizationId),
          ),
        );
      if (!account) throw new InvalidInputError('The account is not one of this organization’s.');
      const outcomes = await loadPostOutcomes(tx, context.organizationId, learningWindow(context.now));
      const zones = await loadAccountZones(tx, context.organizationId);
      return { platform: account.platform, outcomes, zones };
    });
    await context.progress(30);
    const prediction = predictDraftEngagement({
      outcomes: loaded.outcomes,
      zones: {
        zones: { ...loaded.zones.zones, [input.accountId]: input.timeZone },
        fallback: loaded.zones.fallback,
      },
      draft: {
        socialAccountId: input.accountId,
        platform: loaded.platform,
        text: input.text,
        mediaCount: input.mediaCount,
        plannedAt,
      },
      now: context.now,
    });
    const json = engagementPredictionSchema.parse(JSON.parse(JSON.stringify(prediction)));
    const summary = summaryOf(json);
    return {
      prediction: json,
      plannedAt: plannedAt.toISOString(),
      timeZone: input.timeZone,
      summary,
      template: context.llm.provider === 'offline',
    };
  },
};

/** The prediction in one sentence, from its own numbers. */
function summaryOf(result: z.infer<typeof engagementPredictionSchema>): string {
  if (!result.supported) return `No prediction: ${result.reason}.`;
  const { engagement, interval, baseline } = result.prediction;
  const basis =
    result.basis === 'priors'
      ? ` From priors, not a model of your posts (${result.reason ?? 'too little history'}).`
      : '';
  return `About ${Math.round(engagement)} engagements (80 % interval ${Math.round(interval.low)} to ${Math.round(interval.high)}), against ${Math.round(baseline.engagement)} for the account's usual post.${basis}`;
}
