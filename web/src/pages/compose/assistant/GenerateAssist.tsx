import { useState } from 'react';
import { BriefField } from '../../agents/BriefField';
import { Button } from '../../../components/Button';
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
  const [brief, setBrief] = useState('');
  const task = useRunTask('/ai-agents/content/generate');
  const output = task.task ? outputOf(task.task, 'content.generate') : null;
  return (
    <div className="space-y-3">
      <BriefField
        value={brief}
        onChange={setBrief}
        rows={3}
        placeholder="What the post is about: the idea, the news, the offer"
      />
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
