import * as z from 'zod';
import { analyzeTrendsInput, type AnalyzeTrendsInput } from '../../../shared/agents/task-inputs';
import type { TaskHandler } from '../tasks/task-handler';
import { analyzeTrends } from './analyze-trends';
import { BURST_DEFAULTS } from './detect-bursts';
import { loadTrendTexts } from './load-trend-texts';
import { trendAnalysisSchema } from './result';

export const analyzeTrendsOutput = trendAnalysisSchema.extend({
  summary: z.string().describe('The finding in words: the model’s where a provider is set up, else plain'),
  template: z.boolean(),
});
export type AnalyzeTrendsOutput = z.infer<typeof analyzeTrendsOutput>;

/**
 * `trends.analyze`: the terms and hashtags bursting in the last `days` days against their own
 * use in the four weeks before, over the organization's posts, mentions and competitors' posts;
 * the model (where there is one) only puts the evidence in words.
 */
export const analyzeTrendsTask: TaskHandler<AnalyzeTrendsInput, AnalyzeTrendsOutput> = {
  input: analyzeTrendsInput,
  output: analyzeTrendsOutput,
  async run(context, input) {
    const to = context.now;
    const from = new Date(to.getTime() - input.days * 86_400_000);
    const since = new Date(from.getTime() - BURST_DEFAULTS.baselineDays * 86_400_000);
    const texts = await context.inTenant((tx) =>
      loadTrendTexts(tx, context.organizationId, { since, until: to }),
    );
    await context.progress(40);
    const analysis = analyzeTrends(texts, {
      window: { from, to },
      timeZone: input.timeZone,
      bucket: input.days <= 2 ? 'hour' : 'day',
    });
    const plain = !analysis.support.supported
      ? analysis.support.reason
      : analysis.bursts.length === 0
        ? `Nothing is rising: no term or hashtag is used significantly more in the last ${input.days} days than in the four weeks before.`
        : `Rising: ${analysis.bursts
            .slice(0, 5)
            .map(
              (b) =>
                `${b.kind === 'hashtag' ? '#' : ''}${b.term} (${b.countWindow} uses, ${b.expected.toFixed(1)} expected)`,
            )
            .join('; ')}.`;
    const template = context.llm.provider === 'offline';
    let summary = plain;
    if (!template && analysis.bursts.length > 0) {
      const answer = await context.llm.complete({
        messages: [
          {
            role: 'user',
            content: `In two or three sentences for a social media manager, say what these rising terms suggest and one post idea; cite the counts, invent nothing:\n${plain}`,
          },
        ],
        maxTokens: 300,
      });
      summary = answer.text.trim() || plain;
    }
    return { ...analysis, summary, template };
  },
};
