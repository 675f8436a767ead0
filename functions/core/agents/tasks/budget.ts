import { and, eq, gte, sql } from 'drizzle-orm';
import { aiAgentTasks, organizations, type AgentType } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { BudgetSpentError } from '../../errors';

/**
 * What all agents of an organization may spend on the model in a calendar month (UTC) unless
 * an admin sets another figure (`organizations.settings.aiMonthlyBudgetUsd`). The offline
 * provider costs nothing, so an install without an AI provider never reaches it.
 */
export const DEFAULT_AI_MONTHLY_BUDGET_USD = 25;

/** The first instant of `now`'s calendar month in UTC, and of the next one. */
export function budgetMonth(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** Model spend of the organization (or of one agent) since `since`. */
export async function spentSince(
  tx: Transaction,
  organizationId: string,
  since: Date,
  agentType?: AgentType,
): Promise<number> {
  const [row] = await tx
    .select({ spent: sql<string | null>`coalesce(sum(${aiAgentTasks.costUsd}), 0)` })
    .from(aiAgentTasks)
    .where(
      and(
        eq(aiAgentTasks.organizationId, organizationId),
        gte(aiAgentTasks.createdAt, since),
        agentType ? eq(aiAgentTasks.agentType, agentType) : undefined,
      ),
    );
  return Number(row?.spent ?? 0);
}

export async function organizationBudget(tx: Transaction, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const set = row?.settings.aiMonthlyBudgetUsd;
  return typeof set === 'number' && Number.isFinite(set) && set >= 0 ? set : DEFAULT_AI_MONTHLY_BUDGET_USD;
}

export async function setOrganizationBudget(
  tx: Transaction,
  organizationId: string,
  monthlyBudgetUsd: number,
): Promise<void> {
  await tx
    .update(organizations)
    .set({
      settings: sql`${organizations.settings} || jsonb_build_object('aiMonthlyBudgetUsd', ${monthlyBudgetUsd}::numeric)`,
    })
    .where(eq(organizations.id, organizationId));
}

/**
 * Refuses a new task once this month's spend has reached the organization's budget or the
 * agent's own (`configuration.monthlyBudgetUsd`). A task already running may finish: the
 * budget is checked when work is asked for, never by cutting a model call off midway.
 */
export async function assertBudgetLeft(
  tx: Transaction,
  input: { organizationId: string; agentType: AgentType; agentBudgetUsd?: number; now: Date },
): Promise<void> {
  const month = budgetMonth(input.now);
  const secondsLeft = (month.end.getTime() - input.now.getTime()) / 1000;
  const budget = await organizationBudget(tx, input.organizationId);
  const spent = await spentSince(tx, input.organizationId, month.start);
  if (spent >= budget)
    throw new BudgetSpentError(
      `This organization's AI budget of $${budget.toFixed(2)} for the month is spent ($${spent.toFixed(2)}); it renews on ${month.end.toISOString().slice(0, 10)}, or an admin can raise it.`,
      month.end,
      secondsLeft,
    );
  if (input.agentBudgetUsd === undefined) return;
  const agentSpent = await spentSince(tx, input.organizationId, month.start, input.agentType);
  if (agentSpent >= input.agentBudgetUsd)
    throw new BudgetSpentError(
      `This agent's budget of $${input.agentBudgetUsd.toFixed(2)} for the month is spent ($${agentSpent.toFixed(2)}); it renews on ${month.end.toISOString().slice(0, 10)}, or a manager can raise it in the agent's settings.`,
      month.end,
      secondsLeft,
    );
}
