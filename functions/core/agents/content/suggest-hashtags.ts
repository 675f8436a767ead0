import * as z from 'zod';
import { suggestHashtagsInput, type SuggestHashtagsInput } from '../../../shared/agents/task-inputs';
import { learningWindow, loadPostOutcomes } from '../post-outcomes';
import type { TaskHandler } from '../tasks/task-handler';
import { hashtagEvidence, hashtagsOf, ratePosts } from './past-performance';
import { CONTENT_PROMPTS, voiceSystemPrompt } from './prompts';

export const suggestHashtagsOutput = z.object({
  suggestions: z.array(
    z.object({
      tag: z.string(),
      source: z
        .enum(['history', 'model'])
        .describe('`history`: your past posts with it did this well; `model`: new, unmeasured'),
      posts: z.number().int().nullable(),
      medianLift: z.number().nullable().describe('1 = usual for the account; null for a new tag'),
      relevance: z.number().nullable(),
    }),
  ),
  note: z.string(),
  promptVersion: z.string(),
});
export type SuggestHashtagsOutput = z.infer<typeof suggestHashtagsOutput>;

const modelTags = z.object({ hashtags: z.array(z.string().min(1)).max(30) });
const MODEL_TAGS_SCHEMA = z.toJSONSchema(modelTags) as Record<string, unknown>;

/**
 * `hashtags.suggest`: first the organization's own tags that did better than usual and fit
 * the text, with the evidence; then, with a model, new ones to try, marked as unmeasured.
 */
export const suggestHashtags: TaskHandler<SuggestHashtagsInput, SuggestHashtagsOutput> = {
  input: suggestHashtagsInput,
  output: suggestHashtagsOutput,
  async run(context, input) {
    const outcomes = await context.inTenant((tx) =>
      loadPostOutcomes(tx, context.organizationId, learningWindow(context.now)),
    );
    const used = new Set(hashtagsOf(input.text));
    const measured = hashtagEvidence(ratePosts(outcomes), input.text)
      .filter((e) => !used.has(e.tag) && e.relevance > 0)
      .slice(0, input.count)
      .map((e) => ({ ...e, source: 'history' as const }));
    await context.progress(50);
    const wanted = input.count - measured.length;
    let fresh: string[] = [];
    if (wanted > 0 && context.llm.provider !== 'offline') {
      const response = await context.llm.complete({
        system: voiceSystemPrompt(context.settings.configuration),
        messages: [
          {
            role: 'user',
            content: `Suggest ${wanted} hashtags (without #) for this ${input.platform} post that people really follow; not these: ${[...used, ...measured.map((m) => m.tag)].join(', ') || 'none'}.\n\n${input.text}`,
          },
        ],
        maxTokens: 300,
        jsonSchema: { name: 'hashtags', schema: MODEL_TAGS_SCHEMA },
      });
      const taken = new Set([...used, ...measured.map((m) => m.tag)]);
      fresh = modelTags
        .parse(response.json)
        .hashtags.map((tag) => tag.replace(/^#/, '').replace(/\s+/g, ''))
        .filter((tag) => tag && !taken.has(tag.toLowerCase()))
        .slice(0, wanted);
    }
    return {
      suggestions: [
        ...measured,
        ...fresh.map((tag) => ({
          tag,
          source: 'model' as const,
          posts: null,
          medianLift: null,
          relevance: null,
        })),
      ],
      note:
        measured.length === 0
          ? 'None of your hashtags has been used on at least two measured posts on this subject yet.'
          : `Your tags, ranked by how your posts with them did against each account's usual.`,
      promptVersion: CONTENT_PROMPTS.hashtags,
    };
  },
};
