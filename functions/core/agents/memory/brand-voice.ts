import type { AgentType } from '../../../db/schema';
import type { AgentConfiguration } from '../../../shared/agents/configuration';
import type { MemoryDeps, MemoryItem } from './memory-types';
import { rememberExactly, type RememberResult } from './remember';

/**
 * Remembers an agent's configured brand voice (with its audience) as one `brand_voice`
 * memory, so other agents and recall() can use it; a voice removed from the configuration is
 * forgotten. Keyed by agent type: setting the same voice again changes nothing.
 */
export function rememberBrandVoice(
  deps: MemoryDeps,
  agent: { type: AgentType; id?: string },
  configuration: Pick<AgentConfiguration, 'brandVoice' | 'audience'>,
): Promise<RememberResult> {
  const voice = configuration.brandVoice?.trim();
  const items: MemoryItem[] = voice
    ? [
        {
          sourceKey: `brand_voice:${agent.type}`,
          text: [voice, configuration.audience?.trim() ? `Audience: ${configuration.audience.trim()}` : '']
            .filter(Boolean)
            .join('\n'),
          metadata: { agentType: agent.type },
          importance: 1,
          agentId: agent.id ?? null,
        },
      ]
    : [];
  return rememberExactly(deps, 'brand_voice', items);
}
