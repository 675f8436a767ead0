/**
 * How long one model call may take, every attempt and every wait between them included.
 *
 * The agents call the model from their SQS workers, whose Lambda timeout is 5 minutes
 * (lib/queue-settings.ts, agentSettings.consumerTimeout; test/adapters/llm-timeout.test.ts
 * fails if the two drift apart). A call still waiting when the Lambda is killed loses the
 * task's progress and leaves nothing to record, so the call must give up first, with time
 * left to store the failure: the ceiling is that timeout minus a margin, and a larger
 * LLM_TIMEOUT_MS is refused at start and clamped in code.
 */
export const AGENT_LAMBDA_TIMEOUT_MS = 5 * 60_000;
/** Time left after a timed-out call to write the task's failure and report it. */
export const LLM_TIMEOUT_MARGIN_MS = 30_000;
export const LLM_TIMEOUT_CEILING_MS = AGENT_LAMBDA_TIMEOUT_MS - LLM_TIMEOUT_MARGIN_MS;
/**
 * Two minutes: a 4,000-token answer takes Claude about 60-100 s without streaming, and this
 * was the Anthropic client's per-request timeout before the whole call had a budget.
 */
export const DEFAULT_LLM_TIMEOUT_MS = 120_000;

/** The budget actually used: never above the ceiling, whatever a caller passes. */
export function effectiveLlmTimeoutMs(requested: number = DEFAULT_LLM_TIMEOUT_MS): number {
  if (!Number.isFinite(requested) || requested <= 0) return DEFAULT_LLM_TIMEOUT_MS;
  return Math.min(requested, LLM_TIMEOUT_CEILING_MS);
}
