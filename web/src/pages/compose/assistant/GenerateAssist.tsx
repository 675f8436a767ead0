import { useId, useState } from 'react';
import { Button } from '../../../components/Button';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { AgentProblem } from '../../agents/AgentProblem';
import { GenerateResult } from '../../agents/results/GenerateResult';
import { outputOf } from '../../agents/task-outputs';
import { TaskProgress } from '../../agents/TaskProgress';
import { useRunTask } from '../../agents/use-run-task';
import type { Platform } from '../../../publishing/platforms';

/** A brief in, drafts per chosen network out; one of them goes into the editor. */
export function GenerateAssist({
  platforms,
  onInsert,
}: {
  platforms: readonly Platform[];
  onInsert: (text: string) => void;
}) {
  const id = useId();
  const [brief, setBrief] = useState('');
  const task = useRunTask('/ai-agents/content/generate');
  const output = task.task ? outputOf(task.task, 'content.generate') : null;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-brief`} className="block text-sm font-medium text-slate-800">
          Brief
        </label>
        <textarea
          id={`${id}-brief`}
          rows={3}
          value={brief}
          onChange={(event) => setBrief(event.target.value)}
          placeholder="What the post is about: the idea, the news, the offer"
          className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} resize-y`}
        />
      </div>
      <Button
        size="sm"
        busy={task.starting}
        disabled={brief.trim().length < 3 || platforms.length === 0}
        onClick={() => task.run({ brief, platforms: [...platforms], variants: 2 })}
      >
        Generate drafts
      </Button>
      <AgentProblem problem={task.problem} />
      {task.task && task.task.status !== 'completed' ? <TaskProgress task={task.task} /> : null}
      {output ? <GenerateResult output={output} onInsert={onInsert} /> : null}
    </div>
  );
}
