import { useId, useState } from 'react';
import { Card } from '../../components/Card';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { formatRelative } from '../../lib/dates';
import { AGENT_TYPES } from '../../../../functions/shared/agents/agent-types';
import { AGENT_CATALOG } from '../../../../functions/shared/agents/catalog';
import { STATUS_LABELS, TASK_TYPE_LABELS, type AgentTaskStatus, type AgentType } from './agent-api';
import { formatCost, formatDuration } from './format';
import { TaskDetail } from './TaskDetail';
import { TaskStatusBadge } from './TaskProgress';
import { useAgentTasks } from './use-agents';
import { useSocialAccounts } from './use-account-names';

const PAGE_SIZE = 10;
const STATUSES = Object.keys(STATUS_LABELS) as AgentTaskStatus[];

/** Every task of the organization, newest first, filtered by agent and status, each opening to its detail. */
export function TaskHistory() {
  const id = useId();
  const [agentType, setAgentType] = useState<AgentType | ''>('');
  const [status, setStatus] = useState<AgentTaskStatus | ''>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const { names } = useSocialAccounts();
  const tasks = useAgentTasks({
    ...(agentType ? { agentType } : {}),
    ...(status ? { status } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const data = tasks.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Card
      title="Task history"
      description="What the agents were asked, what they answered, and what it cost."
    >
      <div className="mb-4 grid gap-3 sm:grid-cols-2" role="group" aria-label="Filter tasks">
        <div>
          <label htmlFor={`${id}-agent`} className="block text-sm font-medium text-slate-800">
            Agent
          </label>
          <select
            id={`${id}-agent`}
            value={agentType}
            onChange={(event) => {
              setAgentType(event.target.value as AgentType | '');
              setPage(1);
            }}
            className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
          >
            <option value="">All agents</option>
            {AGENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {AGENT_CATALOG[type].name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`} className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as AgentTaskStatus | '');
              setPage(1);
            }}
            className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
          >
            <option value="">Any status</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={tasks} label="tasks">
        {data && data.items.length === 0 ? (
          <p className="text-sm text-slate-600">
            No task yet{agentType || status ? ' with these filters' : ''}.
          </p>
        ) : null}
        {data && data.items.length > 0 ? (
          <div className="space-y-4">
            <ul className="divide-y divide-slate-200" aria-label="Tasks">
              {data.items.map((task) => {
                const expanded = open === task.id;
                return (
                  <li key={task.id} className="py-2.5" data-task-id={task.id}>
                    <button
                      type="button"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : task.id)}
                      className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 text-left text-sm"
                    >
                      <TaskStatusBadge status={task.status} />
                      <span className="font-medium text-slate-900">{TASK_TYPE_LABELS[task.taskType]}</span>
                      <span className="text-xs text-slate-500">
                        {AGENT_CATALOG[task.agentType].name} · {formatRelative(task.createdAt)} ·{' '}
                        {formatDuration(task.executionTimeMs)} · {formatCost(task.costUsd)}
                      </span>
                    </button>
                    {expanded ? (
                      <div className="mt-3 rounded-lg bg-white p-3 ring-1 ring-slate-200">
                        <TaskDetail task={task} accountNames={names} />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <Pager
              page={data.page}
              pageCount={pageCount}
              summary={`${data.total} ${data.total === 1 ? 'task' : 'tasks'} · page ${data.page} of ${pageCount}`}
              onPage={setPage}
            />
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
