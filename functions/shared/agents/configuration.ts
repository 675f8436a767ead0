import * as z from 'zod';
import { CLAUDE_MODEL_IDS } from './claude-models';

/**
 * An organization's settings for one agent (`ai_agents.configuration`): what the content
 * agents write with, which model, and what the agent may spend a month.
 */
export const agentConfiguration = z
  .object({
    brandVoice: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe(
        'How the organization writes: tone, person, words it likes, e.g. "Warm, plain, first person plural"',
      ),
    audience: z.string().trim().max(1000).optional().describe('Who the posts are for'),
    bannedWords: z
      .array(z.string().trim().min(1).max(100))
      .max(200)
      .optional()
      .describe('Words and phrases a draft must never contain (checked in the result, not only asked for)'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or pt-BR')
      .optional()
      .describe('The language drafts are written in (BCP 47); the organization’s posts decide when left out'),
    model: z
      .enum(CLAUDE_MODEL_IDS, { error: `Use one of: ${CLAUDE_MODEL_IDS.join(', ')}` })
      .optional()
      .describe(
        'The Claude model this agent uses, from the models Plume prices; the installation default when left out',
      ),
    monthlyBudgetUsd: z
      .number()
      .min(0)
      .max(100_000)
      .optional()
      .describe('The most this agent may spend on the model in a calendar month (UTC), in US dollars'),
  })
  .strict();

export type AgentConfiguration = z.infer<typeof agentConfiguration>;
