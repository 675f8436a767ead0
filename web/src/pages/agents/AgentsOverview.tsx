import { useSignedInUser } from '../../auth/use-session';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { AgentCard } from './AgentCard';
import { BudgetCard } from './BudgetCard';
import { TaskHistory } from './TaskHistory';
import { ViewerNote } from './RunNote';
import { useAgents } from './use-agents';

/** The agents with their state and use, the budget, and the task history. */
export function AgentsOverview() {
  const { can } = useSignedInUser();
  const agents = useAgents();
  const data = agents.data;
  return (
    <div className="space-y-6">
      <QueryState query={agents} label="the agents">
        {data ? (
          <div className="space-y-6">
            {data.provider === 'offline' ? (
              <Notice tone="info" title="No AI provider is set up" className="" role="note">
                Drafts and summaries are template text, labelled as such; the data-driven agents (trends, best
                times, prediction, competitors) give their full numeric answers from your own data.
              </Notice>
            ) : (
              <p className="text-xs text-slate-500">
                Text is written by Claude ({data.provider === 'bedrock' ? 'Amazon Bedrock' : 'Anthropic API'}
                ).
              </p>
            )}
            <ViewerNote />
            <BudgetCard key={data.budget.monthlyBudgetUsd} budget={data.budget} canEdit={can('admin')} />
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Agents">
              {data.agents.map((agent) => (
                <AgentCard
                  key={`${agent.type}-${JSON.stringify(agent.configuration)}-${agent.isActive}`}
                  agent={agent}
                />
              ))}
            </ul>
          </div>
        ) : null}
      </QueryState>
      <TaskHistory />
    </div>
  );
}
