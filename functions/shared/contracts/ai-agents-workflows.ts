import * as z from 'zod';
import { AGENT_TYPES } from '../agents/agent-types';
import { AGENT_TASK_TYPE_NAMES } from '../agents/task-types';
import { WORKFLOW_NAMES, weeklyPlanInput } from '../agents/workflows';
import { uuidParam } from './common';

const workflowCatalogue = z
  .object({
    workflows: z.array(
      z.object({
        name: z.enum(WORKFLOW_NAMES),
        taskType: z.enum(AGENT_TASK_TYPE_NAMES),
        title: z.string(),
        description: z.string(),
        steps: z
          .array(
            z.object({
              key: z.string().describe('The step’s key in the workflow task’s output (`<slot>` per post)'),
              agentType: z.enum(AGENT_TYPES),
              taskType: z.enum(AGENT_TASK_TYPE_NAMES).nullable().describe('Null for the orchestrator’s own step'),
              description: z.string(),
            }),
          )
          .describe('In the order they run'),
      }),
    ),
  })
  .meta({ id: 'AgentWorkflowCatalogue' });

/**
 * The orchestrator's named workflows. Given the task schema of ai-agents.ts (which spreads
 * these in, so importing it here would be a cycle).
 */
export const agentWorkflowsContracts = <Task extends z.ZodType>(agentTask: Task) =>
  ({
    listAgentWorkflows: { response: workflowCatalogue },
    runAgentWorkflow: {
      params: z.object({ name: z.enum(WORKFLOW_NAMES) }),
      body: weeklyPlanInput.meta({ id: 'WeeklyPlanRequest' }),
      response: agentTask.describe(
        'The pending workflow task. Its output, kept current while it runs: the slots, each step’s task id and status, and the drafts kept (post ids, variant, predicted engagement, proposed time).',
      ),
      successStatus: 202,
      errors: {
        400: 'An account that is not the organization’s.',
        409: 'The orchestrator is switched off for this organization.',
        429: 'The organization’s monthly AI budget is spent; `Retry-After` says when it renews.',
      },
    },
    resumeAgentWorkflow: {
      params: uuidParam,
      response: agentTask.describe('The workflow task, pending again; finished steps are reused'),
      successStatus: 202,
      errors: {
        403: 'Only who asked for the workflow, or a manager, may resume it.',
        404: 'No such task in this organization.',
        409: 'The task is not a workflow, or has not failed.',
      },
    },
  }) as const;
