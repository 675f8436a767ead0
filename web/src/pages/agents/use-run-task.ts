import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem, networkProblem, type ApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { AGENTS_KEY, type AgentTask, type TaskBody, type TaskRoute } from './agent-api';
import { useAgentTask } from './use-agents';

export interface RunTask<Route extends TaskRoute> {
  run: (body: TaskBody<Route>) => void;
  /** The request is on its way (before the 202). */
  starting: boolean;
  /** Why the task was refused (budget spent, agent off, bad input, role). */
  problem: ApiProblem | null;
  /** The task asked for, as it stands now (pending, running, then its end and output). */
  task: AgentTask | null;
  reset: () => void;
}

/**
 * Starts a task on one of the agents' routes and follows it to its end: the 202 gives the
 * pending task, then GET /ai-agents/tasks/{id} (refreshed by the `agent.task` push, and
 * polled while the socket is down) gives its progress and output.
 */
export function useRunTask<Route extends TaskRoute>(route: Route): RunTask<Route> {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (body: TaskBody<Route>) =>
      // openapi-fetch cannot relate a generic route to its body; TaskBody<Route> is that body.
      unwrap(
        api.POST(route as '/ai-agents/trends/analyze', {
          body: body as TaskBody<'/ai-agents/trends/analyze'>,
        }),
      ),
    onMutate: () => setTaskId(null),
    onSuccess: (task) => {
      queryClient.setQueryData([...AGENTS_KEY, 'task', task.id], task);
      setTaskId(task.id);
      void queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
    },
  });
  const followed = useAgentTask(taskId);
  const error = start.error;
  return {
    run: (body) => start.mutate(body),
    starting: start.isPending,
    problem: error ? (isApiProblem(error) ? error : networkProblem(error)) : null,
    task: followed.data ?? start.data ?? null,
    reset: () => {
      start.reset();
      setTaskId(null);
    },
  };
}
