import * as z from 'zod';
import { AGENT_TASK_STATUSES, AGENT_TYPES } from '../agents/agent-types';
import { agentConfiguration } from '../agents/configuration';
import {
  analyzeCompetitorsInput,
  analyzeTrendsInput,
  optimizeScheduleInput,
  predictEngagementInput,
  generateContentInput,
  improveContentInput,
  suggestHashtagsInput,
} from '../agents/task-inputs';
import { AGENT_TASK_TYPE_NAMES } from '../agents/task-types';
import { timestamp, uuidParam } from './common';
import { agentAlertsContracts } from './ai-agents-alerts';
import { agentDraftsContracts } from './ai-agents-drafts';
import { agentWorkflowsContracts } from './ai-agents-workflows';
import type { AreaContracts } from './contract';

const money = (what: string) => z.number().describe(`${what}, in US dollars`);

export const agentTask = z
  .object({
    id: z.uuid(),
    agentType: z.enum(AGENT_TYPES),
    taskType: z.enum(AGENT_TASK_TYPE_NAMES),
    status: z
      .enum(AGENT_TASK_STATUSES)
      .describe(
        '`pending` until the agent’s worker takes it, then `running`, and `completed`, `failed` or `cancelled`',
      ),
    progress: z.number().int().min(0).max(100),
    input: z.record(z.string(), z.unknown()).describe('What was asked (the route’s body, with its defaults)'),
    output: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('The result, once completed; its shape is the task type’s (see each route)'),
    errorMessage: z.string().nullable(),
    model: z
      .string()
      .nullable()
      .describe(
        'The model that answered last; null when none was called (template drafts without an AI provider)',
      ),
    inputTokens: z.number().int().nullable(),
    outputTokens: z.number().int().nullable(),
    costUsd: money('What the model calls cost').nullable(),
    executionTimeMs: z.number().int().nullable(),
    parentTaskId: z.uuid().nullable().describe('The workflow task this is a step of'),
    userId: z.uuid().nullable().describe('Who asked; null for scheduled work'),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    completedAt: timestamp.nullable(),
  })
  .meta({ id: 'AgentTask' });

const agent = z
  .object({
    type: z.enum(AGENT_TYPES),
    name: z.string(),
    description: z.string(),
    isActive: z.boolean().describe('An inactive agent takes no new tasks'),
    configuration: agentConfiguration.meta({ id: 'AgentConfiguration' }),
    usage: z
      .object({
        tasksThisMonth: z.number().int(),
        costThisMonthUsd: money('Spent on the model this calendar month (UTC)'),
        failedThisMonth: z.number().int(),
        lastTaskAt: timestamp.nullable(),
      })
      .describe('This calendar month (UTC)'),
  })
  .meta({ id: 'Agent' });

const budget = z
  .object({
    monthlyBudgetUsd: money('The most all agents together may spend on the model in a calendar month (UTC)'),
    spentThisMonthUsd: money('Spent so far this month'),
    remainingUsd: money('What is left this month'),
    resetsAt: timestamp.describe('When the month turns and the budget is whole again'),
  })
  .meta({ id: 'AgentBudget' });

const BUDGET_PROBLEMS = {
  409: 'The agent is switched off for this organization.',
  429: 'The organization’s (or this agent’s) monthly AI budget is spent; `Retry-After` says when it renews.',
} as const;

const taskRoute = <Body extends z.ZodType>(body: Body, what: string) => ({
  body,
  response: agentTask.describe(`The pending task. ${what}`),
  successStatus: 202,
  errors: BUDGET_PROBLEMS,
});

const agentTypeParam = z.object({ type: z.enum(AGENT_TYPES) });

export const aiAgentsContracts = {
  listAgents: {
    response: z
      .object({
        agents: z.array(agent),
        budget,
        provider: z
          .enum(['anthropic', 'bedrock', 'offline'])
          .describe(
            'Who writes the text: `offline` means no AI provider is set up and drafts are template text',
          ),
      })
      .meta({ id: 'AgentList' }),
  },
  configureAgent: {
    params: agentTypeParam,
    body: z
      .object({
        isActive: z.boolean().optional(),
        configuration: agentConfiguration
          .meta({ id: 'AgentConfigurationChange' })
          .optional()
          .describe('Replaces the whole configuration when given'),
      })
      .strict(),
    response: agent,
  },
  setAgentBudget: {
    body: z.object({ monthlyBudgetUsd: z.number().min(0).max(100_000) }).strict(),
    response: budget,
  },
  generateContent: taskRoute(
    generateContentInput,
    'Its output: drafts per network and variant, each checked against the network’s rules and the banned words, with hashtags and why it was written so.',
  ),
  improveContent: taskRoute(
    improveContentInput,
    'Its output: the rewritten text, checked against the network’s rules, and what changed.',
  ),
  suggestHashtags: taskRoute(
    suggestHashtagsInput,
    'Its output: hashtags ranked by how your past posts with them did, with the evidence.',
  ),
  analyzeTrends: taskRoute(
    analyzeTrendsInput,
    'Its output: the terms and hashtags used significantly more in the window than in the four weeks before (exact binomial test, Benjamini–Hochberg q ≤ 0.05), across your posts, mentions and competitors, with counts, growth and first use, and a backtest against the Trends page’s rising rule; or why the history cannot tell.',
  ),
  optimizeSchedule: taskRoute(
    optimizeScheduleInput,
    'Its output: each account’s best weekly times in the audience’s zone with multipliers, intervals and the posts behind them, a backtest (the recommended times against your usual ones over your last 12 weeks), and, given drafts, the plan placing them (and with `apply`, their proposed times set; they stay drafts).',
  ),
  predictEngagement: taskRoute(
    predictEngagementInput,
    'Its output: the predicted engagement with an 80% interval against the account’s usual post, the three factors that move it most, the edits whose gain the history supports (and those it does not), the model’s coefficients, and its backtest against “same as your median” (MAE, Spearman, interval coverage); from documented priors, and saying so, when the history is thin.',
  ),
  analyzeCompetitors: taskRoute(
    analyzeCompetitorsInput,
    'Its output: cadence, engagement rates, share of voice and top posts beside yours.',
  ),
  listAgentTasks: {
    query: z
      .object({
        agentType: z.enum(AGENT_TYPES).optional(),
        taskType: z.enum(AGENT_TASK_TYPE_NAMES).optional(),
        status: z.enum(AGENT_TASK_STATUSES).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      })
      .strict(),
    response: z
      .object({
        items: z.array(agentTask).describe('Newest first'),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      })
      .meta({ id: 'AgentTaskList' }),
  },
  getAgentTask: {
    params: uuidParam,
    response: agentTask,
    errors: { 404: 'No such task in this organization.' },
  },
  cancelAgentTask: {
    params: uuidParam,
    response: agentTask,
    errors: {
      404: 'No such task in this organization.',
      409: 'The task has already ended.',
      403: 'Only who asked for the task, or a manager, may cancel it.',
    },
  },
  ...agentAlertsContracts,
  ...agentDraftsContracts,
  ...agentWorkflowsContracts(agentTask),
} satisfies AreaContracts<'ai-agents'>;
