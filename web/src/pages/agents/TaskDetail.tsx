import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { formatDateTime } from '../../lib/dates';
import { AGENTS_KEY, isLive, type AgentTask } from './agent-api';
import { formatCost, formatCount, formatDuration } from './format';
import { TaskOutput } from './TaskOutput';
import { TaskProgress } from './TaskProgress';

/** Everything about one task: what was asked, the answer, tokens, cost, time, error; cancel while it runs. */
export function TaskDetail({
  task,
  accountNames,
}: {
  task: AgentTask;
  accountNames?: Readonly<Record<string, string>>;
}) {
  const { api } = useServices();
  const { user, can } = useSignedInUser();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/ai-agents/tasks/{id}/cancel', { params: { path: { id: task.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: AGENTS_KEY }),
  });
  // Who asked may cancel, and a manager; the server decides either way.
  const mayCancel = isLive(task.status) && (task.userId === user.id ? can('user') : can('manager'));
  const figures: [string, string][] = [
    ['Model', task.model ?? 'none (no model called)'],
    ['Tokens in / out', `${formatCount(task.inputTokens)} / ${formatCount(task.outputTokens)}`],
    ['Cost', formatCost(task.costUsd)],
    ['Duration', formatDuration(task.executionTimeMs)],
    ['Asked', formatDateTime(task.createdAt)],
    ['Finished', formatDateTime(task.completedAt)],
  ];
  return (
    <div className="space-y-4">
      <TaskProgress task={task} />
      {mayCancel ? (
        <div className="space-y-2">
          <Button variant="secondary" size="sm" busy={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel task
          </Button>
          <FormProblem problem={isApiProblem(cancel.error) ? cancel.error : null} />
        </div>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        {figures.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs text-slate-500">{term}</dt>
            <dd className="break-words text-slate-800 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h4 className="text-xs font-medium text-slate-500">Input</h4>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-words text-slate-700">
          {JSON.stringify(task.input, null, 2)}
        </pre>
      </div>
      {task.status === 'completed' ? (
        <div>
          <h4 className="mb-2 text-xs font-medium text-slate-500">Output</h4>
          <TaskOutput task={task} accountNames={accountNames} />
        </div>
      ) : null}
    </div>
  );
}
