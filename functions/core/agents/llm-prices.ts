import type { LlmProviderName } from '../ports/llm-error';

/**
 * List prices of the Claude models LLM_MODEL and BEDROCK_MODEL_ID can name, in USD per million
 * tokens, so each agent task records what its model calls cost.
 *
 * Anthropic API: https://platform.claude.com/docs/en/about-claude/pricing ("Model pricing"),
 * and the model pages under https://platform.claude.com/docs/en/models/ for the Claude 5 rows;
 * read 2026-12-06. Prompt caching: a 5-minute cache write costs 1.25x the input price, a 1-hour
 * write 2x, a cache read 0.1x (0.05x for Sonnet 5.5 and Opus 5.5): the columns below carry the
 * resulting prices, not the multipliers.
 *
 * Amazon Bedrock (on demand): Claude costs the Anthropic list price through a `global.`
 * inference profile. From Sonnet 4.5, Haiku 4.5 and Opus 4.5 on, a geographic profile (`us.`,
 * `eu.`, `jp.`, `apac.`…) or an in-region model id costs 10% more (the "regional endpoint"
 * premium: Anthropic's pricing page, and https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html);
 * read 2026-12-06.
 *
 * Not here, so priced as unknown (no cost recorded rather than a wrong one): Claude Haiku 5.5
 * (its price depends on the prompt's length), Fable and Mythos (limited availability), and any
 * model released after the date above. Batch and long-context tiers are not used by Plume.
 */
export interface TokenPrices {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  /** Bedrock charges 10% more outside a `global.` profile for this model. */
  regionalPremium: boolean;
}

function prices(input: number, output: number, cacheRead: number, regionalPremium: boolean): TokenPrices {
  return { input, output, cacheWrite5m: input * 1.25, cacheWrite1h: input * 2, cacheRead, regionalPremium };
}

/** Keyed by the model id without date or version suffix (`claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`). */
export const CLAUDE_PRICES: Readonly<Record<string, TokenPrices>> = {
  'claude-opus-5-5': prices(4, 20, 0.2, true),
  'claude-opus-5': prices(5, 25, 0.5, true),
  'claude-opus-4-8': prices(5, 25, 0.5, true),
  'claude-opus-4-7': prices(5, 25, 0.5, true),
  'claude-opus-4-6': prices(5, 25, 0.5, true),
  'claude-opus-4-5': prices(5, 25, 0.5, true),
  'claude-opus-4-1': prices(15, 75, 1.5, false),
  'claude-opus-4': prices(15, 75, 1.5, false),
  'claude-opus-4-0': prices(15, 75, 1.5, false),
  'claude-sonnet-5-5': prices(2, 10, 0.1, true),
  'claude-sonnet-5': prices(2, 10, 0.2, true),
  'claude-sonnet-4-6': prices(3, 15, 0.3, true),
  'claude-sonnet-4-5': prices(3, 15, 0.3, true),
  'claude-sonnet-4': prices(3, 15, 0.3, false),
  'claude-sonnet-4-0': prices(3, 15, 0.3, false),
  'claude-3-7-sonnet': prices(3, 15, 0.3, false),
  'claude-haiku-4-5': prices(1, 5, 0.1, true),
  'claude-3-5-haiku': prices(0.8, 4, 0.08, false),
  'claude-3-haiku': { ...prices(0.25, 1.25, 0.03, false), cacheWrite5m: 0.3, cacheWrite1h: 0.5 },
};

/** Token counts as billed: every input token in exactly one of the first four. */
export interface BilledTokens {
  uncachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
}

const BEDROCK_GEO_PREFIX = /^([a-z]{2,6})\.(?=anthropic\.)/;

/** The table key of an Anthropic API or Bedrock model id, and whether Bedrock's regional premium applies. */
export function priceKey(
  provider: Exclude<LlmProviderName, 'offline'>,
  model: string,
): { key: string; regional: boolean } {
  let id = model;
  let regional = false;
  if (provider === 'bedrock') {
    const geo = BEDROCK_GEO_PREFIX.exec(id)?.[1];
    regional = geo !== 'global';
    id = id
      .replace(BEDROCK_GEO_PREFIX, '')
      .replace(/^anthropic\./, '')
      .replace(/-v\d+(:\d+)?$/, '');
  }
  return { key: id.replace(/-\d{8}$/, '').replace(/-latest$/, ''), regional };
}

/** USD per million tokens for this provider and model, or undefined when the table has no price. */
export function pricesFor(provider: LlmProviderName, model: string): TokenPrices | undefined {
  if (provider === 'offline') return undefined;
  const { key, regional } = priceKey(provider, model);
  const base = CLAUDE_PRICES[key];
  if (!base) return undefined;
  if (provider !== 'bedrock' || !regional || !base.regionalPremium) return base;
  const premium = (usd: number) => usd * 1.1;
  return {
    ...base,
    input: premium(base.input),
    output: premium(base.output),
    cacheWrite5m: premium(base.cacheWrite5m),
    cacheWrite1h: premium(base.cacheWrite1h),
    cacheRead: premium(base.cacheRead),
  };
}

/**
 * What one call cost at list price, rounded to a billionth of a dollar; 0 offline, undefined
 * for a model the table does not price.
 */
export function llmCostUsd(
  provider: LlmProviderName,
  model: string,
  tokens: BilledTokens,
): number | undefined {
  if (provider === 'offline') return 0;
  const table = pricesFor(provider, model);
  if (!table) return undefined;
  const microDollars =
    tokens.uncachedInput * table.input +
    tokens.cacheWrite5m * table.cacheWrite5m +
    tokens.cacheWrite1h * table.cacheWrite1h +
    tokens.cacheRead * table.cacheRead +
    tokens.output * table.output;
  // Tokens × USD per million tokens = micro-dollars; rounding hides binary fractions.
  return Math.round(microDollars * 1000) / 1_000_000_000;
}
