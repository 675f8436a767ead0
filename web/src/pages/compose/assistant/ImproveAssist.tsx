import { useId, useState } from 'react';
import { Button } from '../../../components/Button';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { AgentProblem } from '../../agents/AgentProblem';
import { ImproveResult } from '../../agents/results/ImproveResult';
import { outputOf } from '../../agents/task-outputs';
import { TaskProgress } from '../../agents/TaskProgress';
import { useRunTask } from '../../agents/use-run-task';
import type { Platform } from '../../../publishing/platforms';

const GOALS = [
  ['engagement', 'More engaging'],
  ['clarity', 'Clearer'],
  ['shorter', 'Shorter'],
  ['friendlier', 'Friendlier'],
  ['more_formal', 'More formal'],
  ['call_to_action', 'A call to action'],
] as const;
type Goal = (typeof GOALS)[number][0];

/** The editor's text rewritten toward a goal, for the first chosen network's rules. */
export function ImproveAssist({
  text,
  platform,
  onUse,
}: {
  text: string;
  platform: Platform;
  onUse: (text: string) => void;
}) {
  const id = useId();
  const [goal, setGoal] = useState<Goal>('engagement');
  const task = useRunTask('/ai-agents/content/improve');
  const output = task.task ? outputOf(task.task, 'content.improve') : null;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-goal`} className="block text-sm font-medium text-slate-800">
          Goal
        </label>
        <select
          id={`${id}-goal`}
          value={goal}
          onChange={(event) => setGoal(event.target.value as Goal)}
          className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
        >
          {GOALS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button
        size="sm"
        busy={task.starting}
        disabled={text.trim() === ''}
        onClick={() => task.run({ text, platform, goal })}
      >
        Improve the text
      </Button>
      <AgentProblem problem={task.problem} />
      {task.task && task.task.status !== 'completed' ? <TaskProgress task={task.task} /> : null}
      {output ? <ImproveResult output={output} onUse={onUse} /> : null}
    </div>
  );
}
