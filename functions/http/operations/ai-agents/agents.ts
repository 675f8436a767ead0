import { and, count, eq, gte, max, sql } from 'drizzle-orm';
import {
  allAgentSettings,
  configureAgent as saveAgentSettings,
} from '../../../core/agents/tasks/agent-settings';
import {
  budgetMonth,
  organizationBudget,
  setOrganizationBudget,
  spentSince,
} from '../../../core/agents/tasks/budget';
import { aiAgentTasks, type AgentType } from '../../../db/schema';
import { withTenant, type Transaction } from '../../../db/tenant';
import { AGENT_CATALOG } from '../../../shared/agents/catalog';
import type { AgentSettings } from '../../../core/agents/tasks/agent-settings';
import type { Operation } from '../../operation';

type MonthUsage = { tasks: number; cost: number; failed: number; last: Date | null };

async function usageByAgent(tx: Transaction, organizationId: string, since: Date) {
  const rows = await tx
    .select({
      agentType: aiAgentTasks.agentType,
      tasks: count(),
      cost: sql<string>`coalesce(sum(${aiAgentTasks.costUsd}), 0)`,
      failed: sql<number>`count(*) filter (where ${aiAgentTasks.status} = 'failed')`.mapWith(Number),
      last: max(aiAgentTasks.createdAt),
    })
    .from(aiAgentTasks)
    .where(and(eq(aiAgentTasks.organizationId, organizationId), gte(aiAgentTasks.createdAt, since)))
    .groupBy(aiAgentTasks.agentType);
  return new Map<AgentType, MonthUsage>(
    rows.map((row) => [
      row.agentType,
      { tasks: row.tasks, cost: Number(row.cost), failed: row.failed, last: row.last },
    ]),
  );
}

function presentAgent(type: AgentType, settings: AgentSettings, usage: MonthUsage | undefined) {
  const { name, description } = AGENT_CATALOG[type];
  return {
    type,
    name,
    description,
    isActive: settings.isActive,
    configuration: settings.configuration,
    usage: {
      tasksThisMonth: usage?.tasks ?? 0,
      costThisMonthUsd: Math.round((usage?.cost ?? 0) * 10_000) / 10_000,
      failedThisMonth: usage?.failed ?? 0,
      lastTaskAt: usage?.last?.toISOString() ?? null,
    },
  };
}

/** The budget view: what may be spent this month, what was, and when it renews. */
async function budgetOf(tx: Transaction, organizationId: string, now: Date, spent: number) {
  const month = budgetMonth(now);
  const monthlyBudgetUsd = await organizationBudget(tx, organizationId);
  return {
    monthlyBudgetUsd,
    spentThisMonthUsd: Math.round(spent * 10_000) / 10_000,
    remainingUsd: Math.max(0, Math.round((monthlyBudgetUsd - spent) * 10_000) / 10_000),
    resetsAt: month.end.toISOString(),
  };
}

/** The agents with their settings and this month's use, the organization's budget, and who writes. */
export const listAgents: Operation<'listAgents'> = async (_input, { container, auth }) => {
  const now = container.clock.now();
  return withTenant(container.db, auth.organizationId, async (tx) => {
    const settings = await allAgentSettings(tx, auth.organizationId);
    const usage = await usageByAgent(tx, auth.organizationId, budgetMonth(now).start);
    return {
      body: {
        agents: [...settings].map(([type, agent]) => presentAgent(type, agent, usage.get(type))),
        // The month's spend is the sum over the agents, already read for their usage.
        budget: await budgetOf(
          tx,
          auth.organizationId,
          now,
          [...usage.values()].reduce((sum, agent) => sum + agent.cost, 0),
        ),
        provider: container.llm.provider,
      },
    };
  });
};

/** Switches an agent on or off and sets its configuration (manager and up). */
export const configureAgent: Operation<'configureAgent'> = async ({ params, body }, { container, auth }) => {
  const now = container.clock.now();
  return withTenant(container.db, auth.organizationId, async (tx) => {
    const settings = await saveAgentSettings(tx, auth.organizationId, params.type, body);
    const usage = await usageByAgent(tx, auth.organizationId, budgetMonth(now).start);
    return { body: presentAgent(params.type, settings, usage.get(params.type)) };
  });
};

/** Sets what all agents together may spend on the model a month (admin). */
export const setAgentBudget: Operation<'setAgentBudget'> = async ({ body }, { container, auth }) =>
  withTenant(container.db, auth.organizationId, async (tx) => {
    await setOrganizationBudget(tx, auth.organizationId, body.monthlyBudgetUsd);
    const now = container.clock.now();
    const spent = await spentSince(tx, auth.organizationId, budgetMonth(now).start);
    return { body: await budgetOf(tx, auth.organizationId, now, spent) };
  });
