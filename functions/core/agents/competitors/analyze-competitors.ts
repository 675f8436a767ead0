import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { analyzeCompetitorsInput, type AnalyzeCompetitorsInput } from '../../../shared/agents/task-inputs';
import { wallClockText } from '../../../shared/wall-clock';
import { competitorBenchmarks, type PartyBenchmark } from '../../analytics/competitor-benchmarks';
import type { TaskHandler } from '../tasks/task-handler';

const figures = z.object({
  posts: z.number().int(),
  postsPerWeek: z.number().nullable(),
  engagement: z.number().nullable(),
  engagementRateByFollowers: z.number().nullable(),
  shareOfPosts: z.number().nullable(),
  shareOfEngagement: z.number().nullable(),
});

export const analyzeCompetitorsOutput = z.object({
  from: z.string(),
  to: z.string(),
  parties: z.array(
    z.object({
      kind: z.enum(['organization', 'competitor']),
      name: z.string().nullable(),
      handle: z.string().nullable(),
      platform: z.string().nullable(),
      followers: z.number().nullable(),
      current: figures,
      topPosts: z.array(
        z.object({ text: z.string(), url: z.string().nullable(), engagement: z.number().nullable() }),
      ),
    }),
  ),
  opportunities: z.array(
    z.object({
      kind: z.string(),
      message: z.string(),
      evidence: z.record(z.string(), z.number().nullable()),
    }),
  ),
  explanation: z.string(),
  template: z.boolean(),
  supported: z.boolean(),
  reason: z.string().nullable(),
});
export type AnalyzeCompetitorsOutput = z.infer<typeof analyzeCompetitorsOutput>;

const name = (party: PartyBenchmark) => party.name ?? party.handle ?? 'A competitor';

/**
 * Where competitors do measurably better than the organization in the period: more posts a
 * week, a higher engagement rate by followers, a larger share of the conversation. Only
 * comparisons both sides have figures for; each with its numbers.
 */
export function competitorOpportunities(
  parties: PartyBenchmark[],
): AnalyzeCompetitorsOutput['opportunities'] {
  const own = parties.find((party) => party.kind === 'organization');
  if (!own) return [];
  const found: AnalyzeCompetitorsOutput['opportunities'] = [];
  for (const rival of parties.filter((party) => party.kind === 'competitor')) {
    const ours = own.current;
    const theirs = rival.current;
    if (
      ours.postsPerWeek !== null &&
      theirs.postsPerWeek !== null &&
      theirs.postsPerWeek >= ours.postsPerWeek * 1.5 &&
      theirs.postsPerWeek - ours.postsPerWeek >= 1
    )
      found.push({
        kind: 'cadence',
        message: `${name(rival)} posts ${theirs.postsPerWeek} times a week to your ${ours.postsPerWeek}.`,
        evidence: { yours: ours.postsPerWeek, theirs: theirs.postsPerWeek },
      });
    if (
      ours.engagementRateByFollowers !== null &&
      theirs.engagementRateByFollowers !== null &&
      theirs.engagementRateByFollowers > ours.engagementRateByFollowers * 1.2
    )
      found.push({
        kind: 'engagement_rate',
        message: `${name(rival)}'s posts draw ${theirs.engagementRateByFollowers}% engagement per follower to your ${ours.engagementRateByFollowers}%: their top posts below show what works for them.`,
        evidence: { yours: ours.engagementRateByFollowers, theirs: theirs.engagementRateByFollowers },
      });
    if (
      ours.shareOfEngagement !== null &&
      theirs.shareOfEngagement !== null &&
      theirs.shareOfEngagement > ours.shareOfEngagement
    )
      found.push({
        kind: 'share_of_voice',
        message: `${name(rival)} has ${theirs.shareOfEngagement}% of the engagement among you and your competitors; you have ${ours.shareOfEngagement}%.`,
        evidence: { yours: ours.shareOfEngagement, theirs: theirs.shareOfEngagement },
      });
  }
  return found;
}

/**
 * `competitors.analyze`: the benchmarks of the analytics competitors page over the last `days`
 * days (cadence, engagement rate, share of voice, top posts), the measured opportunities, and a
 * model's summary of them (a plain summary of the numbers without a provider).
 */
export const analyzeCompetitors: TaskHandler<AnalyzeCompetitorsInput, AnalyzeCompetitorsOutput> = {
  input: analyzeCompetitorsInput,
  output: analyzeCompetitorsOutput,
  async run(context, input) {
    const today = Temporal.PlainDate.from(wallClockText(context.now, input.timeZone).slice(0, 10));
    const query = {
      from: today.subtract({ days: input.days - 1 }).toString(),
      to: today.toString(),
      timeZone: input.timeZone,
    };
    const { parties } = await context.inTenant((tx) =>
      competitorBenchmarks(tx, context.organizationId, query),
    );
    await context.progress(50);
    const opportunities = competitorOpportunities(parties);
    const rivals = parties.filter((party) => party.kind === 'competitor');
    const template = context.llm.provider === 'offline';
    const plain =
      rivals.length === 0
        ? 'You track no competitors yet: add some under Analytics, Competitors.'
        : opportunities.length === 0
          ? `Against ${rivals.length} tracked competitor(s), none posts much more often, engages a larger share of its followers or holds more of the conversation than you in these ${input.days} days.`
          : opportunities.map((o) => o.message).join(' ');
    let explanation = plain;
    if (!template && opportunities.length > 0) {
      const answer = await context.llm.complete({
        messages: [
          {
            role: 'user',
            content: `In three sentences for a social media manager, explain these findings and one thing to try; cite the numbers, invent none:\n${plain}\nTheir top posts:\n${rivals.flatMap((r) => r.topPosts.slice(0, 2).map((p) => `- ${name(r)}: ${p.text}`)).join('\n')}`,
          },
        ],
        maxTokens: 400,
      });
      explanation = answer.text.trim() || plain;
    }
    return {
      from: query.from,
      to: query.to,
      parties: parties.map((party) => ({
        kind: party.kind,
        name: party.name,
        handle: party.handle,
        platform: party.platform,
        followers: party.followers,
        current: party.current,
        topPosts: party.topPosts.map((post) => ({
          text: post.text,
          url: post.url,
          engagement: post.engagement,
        })),
      })),
      opportunities,
      explanation,
      template,
      supported: rivals.length > 0,
      reason: rivals.length > 0 ? null : 'No tracked competitors.',
    };
  },
};
