import * as z from 'zod';
import { PLATFORM_IDS, type Platform } from '../../../shared/platforms/catalog';
import { measureText, limitsForAccount } from '../../../shared/platforms/rules';
import { generateContentInput, type GenerateContentInput } from '../../../shared/agents/task-inputs';
import { learningWindow, loadPostOutcomes } from '../post-outcomes';
import type { TaskContext, TaskHandler } from '../tasks/task-handler';
import { checkDraft } from './draft-check';
import { hashtagEvidence, ratePosts } from './past-performance';
import { CONTENT_PROMPTS, examplesBlock, networkRules, voiceSystemPrompt } from './prompts';
import { exampleUsed, memoryReport, relevantExamples, type ExampleUsed } from './relevant-examples';

const check = z.object({
  valid: z.boolean(),
  issues: z.array(
    z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) }),
  ),
  bannedWords: z.array(z.string()),
});

export const generateContentOutput = z.object({
  drafts: z.array(
    z.object({
      platform: z.enum(PLATFORM_IDS),
      variant: z.number().int(),
      text: z.string(),
      hashtags: z.array(z.string()),
      check,
    }),
  ),
  explanation: z.string(),
  /** True when no AI provider is set up: the drafts are built from templates, not written by a model. */
  template: z.boolean(),
  /** The past posts shown to the model, nearest the brief first, each with the memory it came from. */
  examples: z.array(exampleUsed),
  memory: memoryReport,
  hashtagEvidence: z.array(
    z.object({ tag: z.string(), posts: z.number().int(), medianLift: z.number(), relevance: z.number() }),
  ),
  promptVersion: z.string(),
});
export type GenerateContentOutput = z.infer<typeof generateContentOutput>;

const modelDrafts = z.object({
  drafts: z
    .array(
      z.object({ platform: z.enum(PLATFORM_IDS), text: z.string().min(1), hashtags: z.array(z.string()) }),
    )
    .min(1),
  explanation: z.string(),
});
type ModelDraft = z.infer<typeof modelDrafts>['drafts'][number];

/** The model's answer's shape, as JSON Schema for the forced tool (z.toJSONSchema of the zod schema). */
const MODEL_DRAFTS_SCHEMA = z.toJSONSchema(modelDrafts) as Record<string, unknown>;

/** Cuts `text` to the network's limit as it counts, at a word boundary, with an ellipsis. */
export function fitToNetwork(platform: Platform, text: string): string {
  const limits = limitsForAccount(platform);
  if (measureText(platform, text, limits) <= limits.maxTextLength) return text;
  const words = text.split(/(\s+)/);
  while (
    words.length > 1 &&
    measureText(platform, `${words.join('').trimEnd()}…`, limits) > limits.maxTextLength
  )
    words.pop();
  return `${words.join('').trimEnd()}…`;
}

const withHashtags = (text: string, hashtags: string[]) => {
  const missing = hashtags.filter((tag) => !text.toLowerCase().includes(`#${tag.toLowerCase()}`));
  return missing.length ? `${text}\n\n${missing.map((tag) => `#${tag}`).join(' ')}` : text;
};

/**
 * Without a model: drafts from fixed templates around the brief, with the hashtags the
 * organization's history supports, labelled as templates. Useful offline, and honest about it.
 */
function templateDrafts(input: GenerateContentInput, tags: string[]): ModelDraft[] {
  const brief = input.brief.replace(/\s+/g, ' ').trim();
  const shapes = [
    (text: string) => text,
    (text: string) => `${text.replace(/[.!?]*$/, '')}. What do you think?`,
    (text: string) => `New: ${text}`,
    (text: string) => `${text.replace(/[.!?]*$/, '')}. Tell us below.`,
    (text: string) => `In short: ${text}`,
  ];
  return input.platforms.flatMap((platform) =>
    Array.from({ length: input.variants }, (_, variant) => ({
      platform,
      text: shapes[variant % shapes.length]!(brief),
      hashtags: input.includeHashtags ? tags : [],
    })),
  );
}

async function modelWrites(
  context: TaskContext,
  input: GenerateContentInput,
  examples: ExampleUsed[],
  tags: string[],
): Promise<{ drafts: ModelDraft[]; explanation: string }> {
  const prompt = [
    `Brief: ${input.brief}`,
    `Goal: ${input.goal}.`,
    `Write ${input.variants} different variant(s) for each of these networks:`,
    ...input.platforms.map((platform) => `- ${networkRules(platform)}`),
    input.includeHashtags
      ? `Hashtags that did well for the organization: ${tags.map((t) => `#${t}`).join(' ') || 'none measured yet'}. Use at most three per post where they fit.`
      : 'Use no hashtags.',
    examplesBlock(examples),
    'Then explain in two sentences why these drafts should work, citing the examples or figures above.',
  ].join('\n\n');
  const answer = await context.llm.complete({
    system: voiceSystemPrompt(context.settings.configuration),
    messages: [{ role: 'user', content: prompt }],
    maxTokens: 400 * input.platforms.length * input.variants + 300,
    temperature: 0.8,
    jsonSchema: {
      name: 'drafts',
      description: 'The drafts and why they should work.',
      schema: MODEL_DRAFTS_SCHEMA,
    },
  });
  return modelDrafts.parse(answer.json);
}

/** Asks once for the drafts that break a rule to be rewritten, with the rule they break. */
async function repair(
  context: TaskContext,
  drafts: ModelDraft[],
  problems: Map<number, string[]>,
): Promise<ModelDraft[]> {
  const prompt = [
    'Rewrite only these drafts so that they follow the rules given; keep their meaning and voice.',
    ...[...problems].map(
      ([index, issues]) =>
        `Draft ${index + 1} (${drafts[index]!.platform}): ${drafts[index]!.text}\nProblems: ${issues.join(' ')}\nRule: ${networkRules(drafts[index]!.platform)}`,
    ),
  ].join('\n\n');
  const answer = await context.llm.complete({
    system: voiceSystemPrompt(context.settings.configuration),
    messages: [{ role: 'user', content: prompt }],
    maxTokens: 400 * problems.size + 200,
    jsonSchema: {
      name: 'drafts',
      description: 'The rewritten drafts, in the same order.',
      schema: MODEL_DRAFTS_SCHEMA,
    },
  });
  const fixed = modelDrafts.parse(answer.json).drafts;
  const next = [...drafts];
  [...problems.keys()].forEach((index, order) => {
    if (fixed[order]) next[index] = { ...fixed[order], platform: drafts[index]!.platform };
  });
  return next;
}

/**
 * `content.generate`: drafts per network and variant in the organization's voice, with its
 * best past posts nearest the brief (recalled from memory) as examples and the hashtags its
 * history supports; each draft checked with
 * the network's rules and the banned words, and a draft that breaks one rewritten once.
 */
export const generateContent: TaskHandler<GenerateContentInput, GenerateContentOutput> = {
  input: generateContentInput,
  output: generateContentOutput,
  async run(context, input) {
    const outcomes = await context.inTenant((tx) =>
      loadPostOutcomes(tx, context.organizationId, learningWindow(context.now)),
    );
    const rated = ratePosts(outcomes);
    const { examples, memory } = await relevantExamples(context, rated, {
      query: input.brief,
      platforms: input.platforms,
      limit: 5,
    });
    const evidence = hashtagEvidence(rated, input.brief).slice(0, 10);
    const tags = evidence
      .filter((e) => e.medianLift >= 1)
      .slice(0, 3)
      .map((e) => e.tag);
    await context.progress(20);
    const banned = context.settings.configuration.bannedWords ?? [];
    const template = context.llm.provider === 'offline';
    let written = template
      ? {
          drafts: templateDrafts(input, tags),
          explanation:
            'No AI provider is set up, so these drafts are templates around your brief, with the hashtags your past posts did best with. Set one up for drafts written in your voice.',
        }
      : await modelWrites(context, input, examples, tags);
    await context.progress(70);
    const broken = new Map<number, string[]>();
    written.drafts.forEach((draft, index) => {
      const result = checkDraft(draft.platform, withHashtags(draft.text, draft.hashtags), banned);
      if (!result.valid)
        broken.set(
          index,
          result.issues.filter((i) => i.severity === 'error').map((i) => i.message),
        );
    });
    if (broken.size > 0 && !template)
      written = { ...written, drafts: await repair(context, written.drafts, broken) };
    const variantOf = new Map<Platform, number>();
    const drafts = written.drafts
      .filter((draft) => input.platforms.includes(draft.platform))
      .map((draft) => {
        const variant = (variantOf.get(draft.platform) ?? 0) + 1;
        variantOf.set(draft.platform, variant);
        const hashtags = draft.hashtags.map((tag) => tag.replace(/^#/, ''));
        const text = fitToNetwork(draft.platform, withHashtags(draft.text, hashtags));
        return {
          platform: draft.platform,
          variant,
          text,
          hashtags,
          check: checkDraft(draft.platform, text, banned),
        };
      });
    return {
      drafts,
      explanation: written.explanation,
      template,
      examples,
      memory,
      hashtagEvidence: evidence,
      promptVersion: CONTENT_PROMPTS.generate,
    };
  },
};
