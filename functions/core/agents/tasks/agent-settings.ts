import { and, eq } from 'drizzle-orm';
import { aiAgents, type AgentType } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { agentConfiguration, type AgentConfiguration } from '../../../shared/agents/configuration';
import { AGENT_CATALOG } from '../../../shared/agents/catalog';

export interface AgentSettings {
  /** The `ai_agents` row; undefined while the organization runs the agent with its defaults. */
  id?: string;
  isActive: boolean;
  configuration: AgentConfiguration;
}

/** An organization's settings for one agent: its row, or the defaults (active, nothing set). */
export async function agentSettings(
  tx: Transaction,
  organizationId: string,
  agentType: AgentType,
): Promise<AgentSettings> {
  const [row] = await tx
    .select()
    .from(aiAgents)
    .where(and(eq(aiAgents.organizationId, organizationId), eq(aiAgents.agentType, agentType)))
    .orderBy(aiAgents.createdAt)
    .limit(1);
  if (!row) return { isActive: true, configuration: {} };
  return { id: row.id, isActive: row.isActive, configuration: storedConfiguration(row.configuration) };
}

/**
 * A stored configuration as it parses today. A model no longer on the list (claude-models.ts)
 * is dropped, so the agent falls back to the installation's model and keeps its brand voice
 * and the rest; anything else that no longer parses (a field retired) gives the defaults.
 */
function storedConfiguration(stored: Record<string, unknown>): AgentConfiguration {
  const parsed = agentConfiguration.safeParse(stored);
  if (parsed.success) return parsed.data;
  const { model: _retired, ...rest } = stored;
  const withoutModel = agentConfiguration.safeParse(rest);
  return withoutModel.success ? withoutModel.data : {};
}

/** Every agent's settings, defaults where there is no row. */
export async function allAgentSettings(
  tx: Transaction,
  organizationId: string,
): Promise<Map<AgentType, AgentSettings>> {
  const rows = await tx.select().from(aiAgents).where(eq(aiAgents.organizationId, organizationId));
  const settings = new Map<AgentType, AgentSettings>();
  for (const type of Object.keys(AGENT_CATALOG) as AgentType[]) {
    const row = rows.find((candidate) => candidate.agentType === type);
    settings.set(type, {
      ...(row ? { id: row.id } : {}),
      isActive: row?.isActive ?? true,
      configuration: row ? storedConfiguration(row.configuration) : {},
    });
  }
  return settings;
}

/**
 * Sets an agent's switch and configuration (the configuration is replaced whole when given),
 * creating its row on first use.
 */
export async function configureAgent(
  tx: Transaction,
  organizationId: string,
  agentType: AgentType,
  change: { isActive?: boolean; configuration?: AgentConfiguration },
): Promise<AgentSettings> {
  const current = await agentSettings(tx, organizationId, agentType);
  const next = {
    isActive: change.isActive ?? current.isActive,
    configuration: change.configuration ?? current.configuration,
  };
  if (current.id) {
    await tx
      .update(aiAgents)
      .set({ isActive: next.isActive, configuration: next.configuration })
      .where(eq(aiAgents.id, current.id));
    return { id: current.id, ...next };
  }
  const [row] = await tx
    .insert(aiAgents)
    .values({
      organizationId,
      agentType,
      agentName: AGENT_CATALOG[agentType].name,
      isActive: next.isActive,
      configuration: next.configuration,
    })
    .returning({ id: aiAgents.id });
  return { id: row!.id, ...next };
}
