import { Button } from '../../../components/Button';
import { AgentProblem } from '../../agents/AgentProblem';
import { HashtagsResult } from '../../agents/results/HashtagsResult';
import { outputOf } from '../../agents/task-outputs';
import { TaskProgress } from '../../agents/TaskProgress';
import { useRunTask } from '../../agents/use-run-task';
import type { Platform } from '../../../publishing/platforms';

/** Hashtags for the editor's text, ranked by how your posts with them did; each can be added. */
export function HashtagsAssist({
  text,
  platform,
  onAdd,
}: {
  text: string;
  platform: Platform;
  onAdd: (tag: string) => void;
}) {
  const task = useRunTask('/ai-agents/hashtags/suggest');
  const output = task.task ? outputOf(task.task, 'hashtags.suggest') : null;
  return (
    <div className="space-y-3">
      <Button
        size="sm"
        busy={task.starting}
        disabled={text.trim() === ''}
        onClick={() => task.run({ text, platform, count: 5 })}
      >
        Suggest hashtags
      </Button>
      <AgentProblem problem={task.problem} />
      {task.task && task.task.status !== 'completed' ? <TaskProgress task={task.task} /> : null}
      {output ? <HashtagsResult output={output} onAdd={onAdd} /> : null}
    </div>
  );
}
