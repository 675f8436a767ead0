import * as z from 'zod';
import { PLATFORM_IDS } from '../../../shared/platforms/catalog';
import { improveContentInput, type ImproveContentInput } from '../../../shared/agents/task-inputs';
import { learningWindow, loadPostOutcomes } from '../post-outcomes';
import type { TaskHandler } from '../tasks/task-handler';
import { checkDraft } from './draft-check';
import { fitToNetwork } from './generate-content';
import { ratePosts } from './past-performance';
import { CONTENT_PROMPTS, examplesBlock, networkRules, voiceSystemPrompt } from './prompts';
import { exampleUsed, memoryReport, relevantExamples } from './relevant-examples';

const GOALS: Record<ImproveContentInput['goal'], string> = {
  engagement: 'more engaging: a stronger first line, one clear idea, an invitation to respond',
  clarity: 'clearer: plain words, short sentences, the point first',
  shorter: 'shorter: about two thirds of its length, nothing important lost',
  friendlier: 'friendlier and warmer, without losing the facts',
  more_formal: 'more formal and precise',
  call_to_action: 'end with one clear call to action',
};

export const improveContentOutput = z.object({
  platform: z.enum(PLATFORM_IDS),
  original: z.string(),
  text: z.string(),
  changes: z.array(z.string()),
  check: z.object({
    valid: z.boolean(),
    issues: z.array(
      z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) }),
    ),
    bannedWords: z.array(z.string()),
  }),
  template: z.boolean(),
  /** The organization's best posts nearest the text, shown to the model as its voice. */
  examples: z.array(exampleUsed),
  memory: memoryReport,
  promptVersion: z.string(),
});
export type ImproveContentOutput = z.infer<typeof improveContentOutput>;

const modelAnswer = z.object({ text: z.string().min(1), changes: z.array(z.string()).min(1) });
const MODEL_ANSWER_SCHEMA = z.toJSONSchema(modelAnswer) as Record<string, unknown>;

/** Without a model: only edits that need no understanding of the text, each named. */
function templateImprove(input: ImproveContentInput): { text: string; changes: string[] } {
  const tidy = input.text
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const changes = tidy !== input.text ? ['Tidied spaces and blank lines.'] : [];
  if (input.goal === 'shorter') {
    const sentences = tidy.match(/[^.!?]+[.!?]*\s*/g) ?? [tidy];
    const keep = Math.max(1, Math.ceil((sentences.length * 2) / 3));
    if (keep < sentences.length) {
      changes.push(`Kept the first ${keep} of ${sentences.length} sentences.`);
      return { text: sentences.slice(0, keep).join('').trim(), changes };
    }
  }
  if (input.goal === 'call_to_action' || input.goal === 'engagement') {
    changes.push('Added a question inviting replies (template text).');
    return { text: `${tidy}\n\nWhat do you think?`, changes };
  }
  if (changes.length === 0)
    changes.push('No AI provider is set up: nothing more can be changed without one.');
  return { text: tidy, changes };
}

/**
 * `content.improve`: the text rewritten toward a goal, with the organization's best posts
 * nearest it (recalled from memory) as examples of its voice, checked with the network's rules.
 */
export const improveContent: TaskHandler<ImproveContentInput, ImproveContentOutput> = {
  input: improveContentInput,
  output: improveContentOutput,
  async run(context, input) {
    const template = context.llm.provider === 'offline';
    const outcomes = await context.inTenant((tx) =>
      loadPostOutcomes(tx, context.organizationId, learningWindow(context.now)),
    );
    const { examples, memory } = await relevantExamples(context, ratePosts(outcomes), {
      query: input.text,
      platforms: [input.platform],
      limit: 3,
    });
    await context.progress(30);
    let answer = template ? templateImprove(input) : undefined;
    if (!answer) {
      const response = await context.llm.complete({
        system: voiceSystemPrompt(context.settings.configuration),
        messages: [
          {
            role: 'user',
            content: `Improve this post so that it is ${GOALS[input.goal]}. ${networkRules(input.platform)}\nSay in a few short items what you changed.\n\n${examplesBlock(examples)}\n\nPost:\n${input.text}`,
          },
        ],
        maxTokens: 1200,
        jsonSchema: {
          name: 'improved',
          description: 'The improved post and what changed.',
          schema: MODEL_ANSWER_SCHEMA,
        },
      });
      answer = modelAnswer.parse(response.json);
    }
    await context.progress(80);
    const text = fitToNetwork(input.platform, answer.text);
    return {
      platform: input.platform,
      original: input.text,
      text,
      changes: answer.changes,
      check: checkDraft(input.platform, text, context.settings.configuration.bannedWords ?? []),
      template,
      examples,
      memory,
      promptVersion: CONTENT_PROMPTS.improve,
    };
  },
};
