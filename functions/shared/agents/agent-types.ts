/** The seven agents and the orchestrator that chains them (DESIGN.md section 5). */
export const AGENT_TYPES = [
  'content_creator',
  'trend_analyzer',
  'engagement_optimizer',
  'smart_scheduler',
  'performance_tracker',
  'competitor_monitor',
  'crisis_manager',
  'workflow_orchestrator',
] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

export const AGENT_TASK_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type AgentTaskStatus = (typeof AGENT_TASK_STATUSES)[number];
