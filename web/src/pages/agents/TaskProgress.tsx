import { Badge, type BadgeTone } from '../../components/Badge';
import { isLive, STATUS_LABELS, type AgentTask, type AgentTaskStatus } from './agent-api';

const TONES: Record<AgentTaskStatus, BadgeTone> = {
  pending: 'neutral',
  running: 'brand',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

export function TaskStatusBadge({ status }: { status: AgentTaskStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** Where a task stands: waiting, running with its progress, or its end (and why it failed). */
export function TaskProgress({ task }: { task: AgentTask }) {
  return (
    <div role="status" className="space-y-1.5 text-sm" data-testid="task-progress" data-status={task.status}>
      <p className="flex items-center gap-2">
        <TaskStatusBadge status={task.status} />
        {isLive(task.status) ? (
          <span className="text-slate-600">
            {task.status === 'pending' ? 'Waiting for the agent…' : `Working… ${task.progress} %`}
          </span>
        ) : null}
      </p>
      {isLive(task.status) ? (
        <progress className="h-1.5 w-full" max={100} value={task.progress} aria-label="Task progress" />
      ) : null}
      {task.status === 'failed' && task.errorMessage ? (
        <p className="text-rose-700">{task.errorMessage}</p>
      ) : null}
    </div>
  );
}
