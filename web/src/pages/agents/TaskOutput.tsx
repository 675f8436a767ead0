import type { AgentTask } from './agent-api';
import { KeepDrafts } from './KeepDrafts';
import { outputOf } from './task-outputs';
import { CompetitorsResult } from './results/CompetitorsResult';
import { GenerateResult } from './results/GenerateResult';
import { HashtagsResult } from './results/HashtagsResult';
import { ImproveResult } from './results/ImproveResult';
import { PredictionResult } from './results/PredictionResult';
import { ScheduleResult } from './results/ScheduleResult';
import { TrendsResult } from './results/TrendsResult';

/** A completed task's output drawn as its type's evidence (charts and tables, not only prose). */
export function TaskOutput({
  task,
  accountNames,
}: {
  task: AgentTask;
  accountNames?: Readonly<Record<string, string>>;
}) {
  const generate = outputOf(task, 'content.generate');
  if (generate)
    return (
      <div className="space-y-3">
        <GenerateResult output={generate} />
        {/* From the history too: a draft can be kept for review after the run. */}
        <KeepDrafts taskId={task.id} output={generate} />
      </div>
    );
  const improve = outputOf(task, 'content.improve');
  if (improve) return <ImproveResult output={improve} />;
  const hashtags = outputOf(task, 'hashtags.suggest');
  if (hashtags) return <HashtagsResult output={hashtags} />;
  const trends = outputOf(task, 'trends.analyze');
  if (trends) return <TrendsResult output={trends} />;
  const schedule = outputOf(task, 'schedule.optimize');
  if (schedule)
    return <ScheduleResult output={schedule} accountNames={accountNames} asOf={task.completedAt} />;
  const prediction = outputOf(task, 'engagement.predict');
  if (prediction) return <PredictionResult output={prediction} />;
  const competitors = outputOf(task, 'competitors.analyze');
  if (competitors) return <CompetitorsResult output={competitors} />;
  return null;
}
