import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import type { AgentTask, AgentTaskType } from './agent-api';
import { TaskOutput } from './TaskOutput';
import { TaskProgress } from './TaskProgress';
import { useAgentTasks } from './use-agents';
import { useSocialAccounts } from './use-account-names';

/**
 * The task just asked for (while it runs, then its answer), else the newest completed one of
 * its type: a view opens on the last result instead of an empty page.
 */
export function LatestResult({ taskType, current }: { taskType: AgentTaskType; current: AgentTask | null }) {
  const latest = useAgentTasks({ taskType, status: 'completed', page: 1, pageSize: 1 });
  const { names } = useSocialAccounts();
  const shown = current ?? latest.data?.items[0] ?? null;
  return (
    <Card
      title="Result"
      description={
        shown?.completedAt
          ? `As of ${formatDateTime(shown.completedAt)}.`
          : 'The latest answer of this agent.'
      }
    >
      <QueryState query={latest} label="the latest result">
        {shown ? (
          <div className="space-y-4" data-testid="latest-result" data-task-id={shown.id}>
            {shown.status === 'completed' ? null : <TaskProgress task={shown} />}
            {shown.status === 'completed' ? <TaskOutput task={shown} accountNames={names} /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">No result yet: run the agent above.</p>
        )}
      </QueryState>
    </Card>
  );
}
