import { Button } from '../../../components/Button';
import { AgentProblem } from '../../agents/AgentProblem';
import { PredictionResult } from '../../agents/results/PredictionResult';
import { outputOf } from '../../agents/task-outputs';
import { TaskProgress } from '../../agents/TaskProgress';
import { useRunTask } from '../../agents/use-run-task';
import type { ComposerAccount } from '../accounts';

/** The editor's post as it stands (text, media, the picked time) predicted on the first chosen account. */
export function PredictAssist({
  text,
  account,
  mediaCount,
  scheduledAt,
  timeZone,
}: {
  text: string;
  account: ComposerAccount;
  mediaCount: number;
  /** The schedule fields' instant, when they hold a valid future time. */
  scheduledAt: Date | null;
  timeZone: string;
}) {
  const task = useRunTask('/ai-agents/engagement/predict');
  const output = task.task ? outputOf(task.task, 'engagement.predict') : null;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">
        On {account.name}
        {scheduledAt ? ', at the time picked below' : ', in the next hour'}.
      </p>
      <Button
        size="sm"
        busy={task.starting}
        disabled={text.trim() === ''}
        onClick={() =>
          task.run({
            text,
            accountId: account.id,
            mediaCount: Math.min(20, mediaCount),
            timeZone,
            ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}),
          })
        }
      >
        Predict engagement
      </Button>
      <AgentProblem problem={task.problem} />
      {task.task && task.task.status !== 'completed' ? <TaskProgress task={task.task} /> : null}
      {output ? <PredictionResult output={output} compact /> : null}
    </div>
  );
}
