import * as z from 'zod';
import { timeZone } from '../contracts/common';
import type { AgentType } from './agent-types';
import type { AgentTaskType } from './task-types';

/** The named workflows the orchestrator runs; each is one `workflow.<name>` task. */
export const WORKFLOW_NAMES = ['weekly_plan'] as const;
export type WorkflowName = (typeof WORKFLOW_NAMES)[number];

export interface WorkflowStepDescription {
  /** The step's key in the workflow's output (`content:2` is the content step of slot 2). */
  key: string;
  agentType: AgentType;
  /** The task type the step runs; absent for the orchestrator's own step (keeping the drafts). */
  taskType?: AgentTaskType;
  description: string;
}

export interface WorkflowDescription {
  name: WorkflowName;
  taskType: AgentTaskType;
  title: string;
  description: string;
  steps: WorkflowStepDescription[];
}

export const WORKFLOW_CATALOG: Readonly<Record<WorkflowName, WorkflowDescription>> = {
  weekly_plan: {
    name: 'weekly_plan',
    taskType: 'workflow.weekly_plan',
    title: 'Weekly plan',
    description:
      'Drafts the coming days’ posts from what is rising, keeps the variant predicted to do best for each slot, and proposes a time for each; every post waits for a person’s approval.',
    steps: [
      {
        key: 'trends',
        agentType: 'trend_analyzer',
        taskType: 'trends.analyze',
        description: 'Finds the terms rising in your posts, mentions and competitors’ posts.',
      },
      {
        key: 'content:<slot>',
        agentType: 'content_creator',
        taskType: 'content.generate',
        description: 'Writes two variants for each slot, from a rising term, in your voice, for its network.',
      },
      {
        key: 'predict:<slot>:<variant>',
        agentType: 'engagement_optimizer',
        taskType: 'engagement.predict',
        description: 'Predicts each variant’s engagement; the best variant per slot is kept.',
      },
      {
        key: 'drafts',
        agentType: 'workflow_orchestrator',
        description: 'Keeps the chosen variants as posts in review (never scheduled by the agent).',
      },
      {
        key: 'schedule',
        agentType: 'smart_scheduler',
        taskType: 'schedule.optimize',
        description: 'Proposes a time for each post from your best slots; the posts stay drafts.',
      },
    ],
  },
};

/** What the weekly plan takes: the route's body, stored as the workflow task's input. */
export const weeklyPlanInput = z
  .object({
    accountIds: z
      .array(z.uuid())
      .min(1)
      .max(25)
      .refine((ids) => new Set(ids).size === ids.length, 'Each account may appear once')
      .describe('The accounts to plan for; the slots go round them in this order'),
    postsCount: z.number().int().min(1).max(14).default(5).describe('How many posts to draft'),
    days: z.number().int().min(1).max(28).default(7).describe('How many days ahead to plan'),
    goal: z
      .enum(['engagement', 'clicks', 'awareness', 'conversation'])
      .default('engagement')
      .describe('What the posts should do'),
    timeZone: timeZone
      .default('UTC')
      .describe("The audience's zone: the weekday and hour trends and slots are read in"),
  })
  .strict();
export type WeeklyPlanInput = z.infer<typeof weeklyPlanInput>;

/**
 * The `jobs` queue message that runs (or resumes) a workflow task: `{ type, taskId }`. Here,
 * not beside the runner, so the HTTP area that sends it does not bundle the runner.
 */
export const RUN_WORKFLOW = 'run-workflow';
