import type { AgentTaskType } from '../../shared/agents/task-types';
import { optimizeScheduleTask } from './best-time/optimize-schedule-task';
import { analyzeCompetitors } from './competitors/analyze-competitors';
import { predictEngagementTask } from './engagement-model/predict-engagement-task';
import { generateContent } from './content/generate-content';
import { improveContent } from './content/improve-content';
import { suggestHashtags } from './content/suggest-hashtags';
import type { TaskHandlers } from './tasks/run-task';
import { analyzeTrendsTask } from './trends/analyze-trends-task';
import type { TaskHandler } from './tasks/task-handler';

/** A handler of specific input and output, as the runner holds them all (it validates both). */
const held = <Input, Output>(handler: TaskHandler<Input, Output>) =>
  handler as unknown as TaskHandler<unknown, unknown>;

/** Every kind of agent task this build can run, by task type. */
export const TASK_HANDLERS: TaskHandlers = {
  'content.generate': held(generateContent),
  'content.improve': held(improveContent),
  'hashtags.suggest': held(suggestHashtags),
  'competitors.analyze': held(analyzeCompetitors),
  'trends.analyze': held(analyzeTrendsTask),
  'schedule.optimize': held(optimizeScheduleTask),
  'engagement.predict': held(predictEngagementTask),
} satisfies Partial<Record<AgentTaskType, TaskHandler<unknown, unknown>>>;
