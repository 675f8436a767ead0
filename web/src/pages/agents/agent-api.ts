import type { components, paths } from '../../api/schema.gen';

/** The agents API's shapes, from the generated OpenAPI types. */
type Schemas = components['schemas'];
export type Agent = Schemas['Agent'];
export type AgentList = Schemas['AgentList'];
export type AgentBudget = Schemas['AgentBudget'];
export type AgentTask = Schemas['AgentTask'];
export type AgentType = Agent['type'];
export type AgentTaskType = AgentTask['taskType'];
export type AgentTaskStatus = AgentTask['status'];
export type AgentConfiguration = Schemas['AgentConfiguration'];

/** The seven POST routes that start a task, and each one's request body. */
export type TaskRoute =
  | '/ai-agents/content/generate'
  | '/ai-agents/content/improve'
  | '/ai-agents/hashtags/suggest'
  | '/ai-agents/trends/analyze'
  | '/ai-agents/schedule/optimize'
  | '/ai-agents/engagement/predict'
  | '/ai-agents/competitor/analyze';
export type TaskBody<Route extends TaskRoute> = NonNullable<
  paths[Route]['post']['requestBody']
>['content']['application/json'];

/** Which route starts each task type (workflows start at /ai-agents/workflows/{name}). */
export const TASK_ROUTES: Record<Exclude<AgentTaskType, `workflow.${string}`>, TaskRoute> = {
  'content.generate': '/ai-agents/content/generate',
  'content.improve': '/ai-agents/content/improve',
  'hashtags.suggest': '/ai-agents/hashtags/suggest',
  'trends.analyze': '/ai-agents/trends/analyze',
  'schedule.optimize': '/ai-agents/schedule/optimize',
  'engagement.predict': '/ai-agents/engagement/predict',
  'competitors.analyze': '/ai-agents/competitor/analyze',
};

export const TASK_TYPE_LABELS: Record<AgentTaskType, string> = {
  'content.generate': 'Generate drafts',
  'content.improve': 'Improve a draft',
  'hashtags.suggest': 'Suggest hashtags',
  'trends.analyze': 'Analyze trends',
  'schedule.optimize': 'Best times',
  'engagement.predict': 'Predict engagement',
  'competitors.analyze': 'Analyze competitors',
  'workflow.weekly_plan': 'Weekly plan',
};

export const STATUS_LABELS: Record<AgentTaskStatus, string> = {
  pending: 'Waiting',
  running: 'Running',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A task that may still change (the worker has not finished with it). */
export const isLive = (status: AgentTaskStatus) => status === 'pending' || status === 'running';

/** Query keys: one root, so a push about any task refreshes every agents query at once. */
export const AGENTS_KEY = ['ai-agents'] as const;
export const agentTaskKey = (id: string) => [...AGENTS_KEY, 'task', id] as const;
export const agentTasksKey = (filters: Record<string, unknown>) => [...AGENTS_KEY, 'tasks', filters] as const;
