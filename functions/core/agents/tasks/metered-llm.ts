import type { ClaudeModel } from '../../../shared/agents/claude-models';
import type { Llm, LlmRequest, LlmResponse } from '../../ports';

/** What a task's model calls used, added up. */
export interface TaskUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** The last model that answered (a task may call more than once). */
  model: string | null;
}

/**
 * The model, as one task sees it: adds up tokens and cost of every call (stored with the
 * task, counted against the month's budget) and, before each call, lets the task stop if a
 * person cancelled it, so a cancelled task spends nothing more. Cost is the provider's
 * answer's `costUsd` (list price of the model that answered; absent, so 0, for a model without
 * a price in the table).
 */
export class MeteredLlm implements Llm {
  readonly usage: TaskUsage = { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, model: null };

  constructor(
    private readonly llm: Llm,
    private readonly beforeCall: () => Promise<void>,
    /** The agent's own model (its configuration), sent with every call that names none. */
    private readonly model?: ClaudeModel,
  ) {}

  get provider(): Llm['provider'] {
    return this.llm.provider;
  }

  async complete(request: LlmRequest): Promise<LlmResponse> {
    await this.beforeCall();
    const response = await this.llm.complete(
      this.model && !request.model ? { ...request, model: this.model } : request,
    );
    this.usage.calls += 1;
    this.usage.inputTokens += response.usage.inputTokens;
    this.usage.outputTokens += response.usage.outputTokens;
    this.usage.costUsd += response.costUsd ?? 0;
    this.usage.model = response.model;
    return response;
  }
}
