import type { ApiProblem } from '../../api/problem';
import { problemText } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';

/** The words for a refused task: the budget, a switched-off agent and a role get their own. */
export function agentProblemTitle(problem: ApiProblem): string {
  if (problem.code === 'ai_budget_spent') return 'The AI budget for this month is spent';
  if (problem.status === 409) return 'This agent is switched off';
  if (problem.status === 403) return 'Your role cannot do this';
  return problem.title;
}

export function AgentProblem({ problem }: { problem: ApiProblem | null }) {
  if (!problem) return null;
  return (
    <Notice
      tone={problem.code === 'ai_budget_spent' ? 'warning' : 'danger'}
      role="alert"
      title={agentProblemTitle(problem)}
    >
      <span data-testid="agent-problem">{problemText(problem)}</span>
    </Notice>
  );
}
