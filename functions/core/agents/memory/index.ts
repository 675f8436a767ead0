export { agentMemory, type AgentMemory } from './agent-memory';
export { bestPostItems, refreshBestPosts } from './best-posts';
export { rememberBrandVoice } from './brand-voice';
export { cosine } from './cosine';
export {
  embeddingSpace,
  MAX_BEST_POSTS,
  MEMORY_TYPES,
  type MemoryDeps,
  type MemoryItem,
  type MemoryType,
} from './memory-types';
export { recall, type RecalledMemory, type RecallOptions } from './recall';
export { rememberExactly, type RememberResult } from './remember';
