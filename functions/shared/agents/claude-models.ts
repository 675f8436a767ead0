/**
 * The Claude models an agent may be set to use (`ai_agents.configuration.model`), by the name
 * the dashboard shows and stores, with the id each provider is called with. Only models the
 * price table (core/agents/llm-prices.ts) prices are listed, so every task records its cost.
 *
 * Anthropic API ids are the aliases of https://platform.claude.com/docs/en/about-claude/models/overview.
 * Bedrock ids are the "base Bedrock model IDs" of Anthropic's "Claude on Amazon Bedrock" page
 * (the InvokeModel/Converse integration with ARN-versioned ids, read 2026-12-07); the adapter
 * puts the installation's cross-region profile prefix (`global.`, `us.`, `eu.`, `jp.`, `apac.`)
 * in front. Models that page does not list (Opus 4.7 and later, the Claude 5 family) are
 * served on Bedrock through its newer Messages endpoint, which Plume's Converse adapter does
 * not speak: on Bedrock they are refused with the reason, not swapped for another model.
 */
export interface ClaudeModelInfo {
  /** As people read it. */
  label: string;
  /** The Anthropic API model id (an alias that follows the model's latest snapshot). */
  anthropic: string;
  /** The Bedrock base model id, without profile prefix; null where Converse does not serve it. */
  bedrock: string | null;
}

export const CLAUDE_MODELS = {
  'claude-opus-5-5': { label: 'Claude Opus 5.5', anthropic: 'claude-opus-5-5', bedrock: null },
  'claude-opus-5': { label: 'Claude Opus 5', anthropic: 'claude-opus-5', bedrock: null },
  'claude-opus-4-8': { label: 'Claude Opus 4.8', anthropic: 'claude-opus-4-8', bedrock: null },
  'claude-opus-4-7': { label: 'Claude Opus 4.7', anthropic: 'claude-opus-4-7', bedrock: null },
  'claude-opus-4-6': {
    label: 'Claude Opus 4.6',
    anthropic: 'claude-opus-4-6',
    bedrock: 'anthropic.claude-opus-4-6-v1',
  },
  'claude-opus-4-5': {
    label: 'Claude Opus 4.5',
    anthropic: 'claude-opus-4-5',
    bedrock: 'anthropic.claude-opus-4-5-20251101-v1:0',
  },
  'claude-sonnet-5-5': { label: 'Claude Sonnet 5.5', anthropic: 'claude-sonnet-5-5', bedrock: null },
  'claude-sonnet-5': { label: 'Claude Sonnet 5', anthropic: 'claude-sonnet-5', bedrock: null },
  'claude-sonnet-4-6': {
    label: 'Claude Sonnet 4.6',
    anthropic: 'claude-sonnet-4-6',
    bedrock: 'anthropic.claude-sonnet-4-6',
  },
  'claude-sonnet-4-5': {
    label: 'Claude Sonnet 4.5',
    anthropic: 'claude-sonnet-4-5',
    bedrock: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  },
  'claude-haiku-4-5': {
    label: 'Claude Haiku 4.5',
    anthropic: 'claude-haiku-4-5',
    bedrock: 'anthropic.claude-haiku-4-5-20251001-v1:0',
  },
} as const satisfies Record<string, ClaudeModelInfo>;

export type ClaudeModel = keyof typeof CLAUDE_MODELS;

export const CLAUDE_MODEL_IDS = Object.keys(CLAUDE_MODELS) as [ClaudeModel, ...ClaudeModel[]];

export function isClaudeModel(name: string): name is ClaudeModel {
  return Object.hasOwn(CLAUDE_MODELS, name);
}
