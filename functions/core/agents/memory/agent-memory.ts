import type { AgentType } from '../../../db/schema';
import type { AgentConfiguration } from '../../../shared/agents/configuration';
import type { Embedder } from '../../ports';
import type { RatedPost } from '../content/past-performance';
import { refreshBestPosts } from './best-posts';
import { rememberBrandVoice } from './brand-voice';
import type { MemoryDeps } from './memory-types';
import { recall, type RecalledMemory, type RecallOptions } from './recall';
import type { RememberResult } from './remember';

/**
 * One organization's memory as an agent task uses it (TaskContext.memory), bound to its
 * transactions and the installation's embedder. Handed to the handlers by the task runner, so
 * the modules that only read a handler's output schema (the HTTP API) never load the code that
 * calls the embedder.
 */
export interface AgentMemory {
  readonly embedder: Pick<Embedder, 'provider' | 'model' | 'dimensions'>;
  refreshBestPosts(rated: readonly RatedPost[]): Promise<RememberResult>;
  rememberBrandVoice(
    agent: { type: AgentType; id?: string },
    configuration: Pick<AgentConfiguration, 'brandVoice' | 'audience'>,
  ): Promise<RememberResult>;
  recall(query: string, options: RecallOptions): Promise<RecalledMemory[]>;
}

export function agentMemory(deps: MemoryDeps): AgentMemory {
  return {
    embedder: deps.embedder,
    refreshBestPosts: (rated) => refreshBestPosts(deps, rated),
    rememberBrandVoice: (agent, configuration) => rememberBrandVoice(deps, agent, configuration),
    recall: (query, options) => recall(deps, query, options),
  };
}
