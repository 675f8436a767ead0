import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { useRealtimeMessage } from '../../realtime/use-realtime';
import {
  AGENTS_KEY,
  agentTaskKey,
  agentTasksKey,
  isLive,
  type AgentTaskStatus,
  type AgentTaskType,
  type AgentType,
} from './agent-api';

/** While a task runs and no push arrives (the socket is down), ask again this often. */
const POLL_MS = 1500;

/** The agents, their settings and this month's use, the budget and the provider. */
export function useAgents() {
  const { api } = useServices();
  return useQuery({
    queryKey: [...AGENTS_KEY, 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/ai-agents', { signal })),
  });
}

export interface TaskFilters {
  agentType?: AgentType;
  taskType?: AgentTaskType;
  status?: AgentTaskStatus;
  page?: number;
  pageSize?: number;
}

export function useAgentTasks(filters: TaskFilters) {
  const { api } = useServices();
  return useQuery({
    queryKey: agentTasksKey({ ...filters }),
    queryFn: ({ signal }) => unwrap(api.GET('/ai-agents/tasks', { params: { query: filters }, signal })),
    placeholderData: (previous) => previous,
  });
}

/** One task, asked again while it runs (a push also refreshes it at once). */
export function useAgentTask(id: string | null) {
  const { api } = useServices();
  return useQuery({
    queryKey: agentTaskKey(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/ai-agents/tasks/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !isLive(query.state.data.status) ? false : POLL_MS),
  });
}

/**
 * The worker pushes `agent.task` when a task moves (progress, done, failed, cancelled): every
 * agents query on screen is refetched (the task, the history, this month's use).
 */
export function useAgentTaskPushes() {
  const queryClient = useQueryClient();
  useRealtimeMessage('agent.task', () => {
    void queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
  });
}
