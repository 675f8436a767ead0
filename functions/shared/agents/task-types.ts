import type { AgentType } from './agent-types';

/** Each kind of work an agent task does, and the agent that does it. */
export const AGENT_TASK_TYPES = {
  'content.generate': 'content_creator',
  'content.improve': 'content_creator',
  'hashtags.suggest': 'content_creator',
  'trends.analyze': 'trend_analyzer',
  'schedule.optimize': 'smart_scheduler',
  'engagement.predict': 'engagement_optimizer',
  'competitors.analyze': 'competitor_monitor',
  'workflow.weekly_plan': 'workflow_orchestrator',
} as const satisfies Record<string, AgentType>;

export type AgentTaskType = keyof typeof AGENT_TASK_TYPES;
export const AGENT_TASK_TYPE_NAMES = Object.keys(AGENT_TASK_TYPES) as AgentTaskType[];
