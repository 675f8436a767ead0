import { useState } from 'react';
import { BriefField } from './BriefField';
import { Button } from '../../components/Button';
import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';
import { PLATFORM_IDS } from '../../../../functions/shared/platforms/catalog';
import { AgentProblem } from './AgentProblem';
import { outputOf } from './task-outputs';
import { KeepDrafts } from './KeepDrafts';
import { GenerateResult } from './results/GenerateResult';
import { TaskProgress } from './TaskProgress';
import { useSocialAccounts } from './use-account-names';
import { useRunTask } from './use-run-task';

/** The content creator run from its card: a brief and the networks, and the drafts it writes. */
export function QuickGenerate() {
  const { accounts } = useSocialAccounts();
  const connected = [...new Set(accounts.map((account) => account.platform))];
  const offered: readonly Platform[] = connected.length > 0 ? connected : PLATFORM_IDS;
  const [brief, setBrief] = useState('');
  const [picked, setPicked] = useState<Platform[]>([]);
  const platforms = picked.length > 0 ? picked : offered.slice(0, 1);
  const task = useRunTask('/ai-agents/content/generate');
  const output = task.task ? outputOf(task.task, 'content.generate') : null;
  return (
    <div className="space-y-3">
      <BriefField value={brief} onChange={setBrief} rows={2} placeholder="What the post is about" />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Networks</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {offered.map((platform) => (
            <label key={platform} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={platforms.includes(platform)}
                onChange={(event) =>
                  setPicked(
                    event.target.checked ? [...platforms, platform] : platforms.filter((p) => p !== platform),
                  )
                }
                className="size-4 accent-brand-600"
              />
              {PLATFORM_LOOK[platform].name}
            </label>
          ))}
        </div>
      </fieldset>
      <Button
        size="sm"
        busy={task.starting}
        disabled={brief.trim().length < 3 || platforms.length === 0}
        onClick={() => task.run({ brief, platforms, variants: 2 })}
      >
        Write drafts
      </Button>
      <AgentProblem problem={task.problem} />
      {task.task && task.task.status !== 'completed' ? <TaskProgress task={task.task} /> : null}
      {output ? <GenerateResult output={output} /> : null}
      {output && task.task ? <KeepDrafts key={task.task.id} taskId={task.task.id} output={output} /> : null}
    </div>
  );
}
