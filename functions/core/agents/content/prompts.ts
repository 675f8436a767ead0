import type { AgentConfiguration } from '../../../shared/agents/configuration';
import { PLATFORM_CATALOG, type Platform } from '../../../shared/platforms/catalog';

/**
 * The content agent's prompts. Each has a version stored with every task that used it, so
 * a change of wording is a new version and results can be compared across versions.
 */
export const CONTENT_PROMPTS = {
  // @2: examples are the best posts recalled from memory as nearest the brief.
  generate: 'content.generate@2',
  repair: 'content.repair@1',
  // @2: the organization's best posts nearest the text, as examples of its voice.
  improve: 'content.improve@2',
  hashtags: 'content.hashtags@1',
} as const;

/** Who the organization is, as every content prompt starts. */
export function voiceSystemPrompt(configuration: AgentConfiguration): string {
  return [
    'You write social media posts for one organization. Write as the organization, never about being an AI.',
    configuration.brandVoice
      ? `Voice: ${configuration.brandVoice}`
      : 'Voice: clear, warm and specific; no clichés.',
    configuration.audience ? `Audience: ${configuration.audience}` : '',
    configuration.language
      ? `Write in the language tagged ${configuration.language}.`
      : 'Write in the language of the brief.',
    configuration.bannedWords?.length
      ? `Never use these words or phrases: ${configuration.bannedWords.map((w) => `"${w}"`).join(', ')}.`
      : '',
    'Never invent facts, prices, dates or quotes that the brief does not give.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What each network allows, in words the model can follow. */
export function networkRules(platform: Platform): string {
  const { name, limits } = PLATFORM_CATALOG[platform];
  return `${name}: at most ${limits.maxTextLength} characters as ${name} counts them.`;
}

export function examplesBlock(
  examples: ReadonlyArray<{ platform: Platform; lift: number; text: string }>,
): string {
  if (examples.length === 0) return 'The organization has no measured past posts yet.';
  return [
    'Past posts of the organization that did best against its usual, nearest this subject first (imitate their voice, not their words):',
    ...examples.map(
      (example, index) =>
        `${index + 1}. [${example.platform}, ${example.lift.toFixed(1)}x usual] ${example.text}`,
    ),
  ].join('\n');
}
