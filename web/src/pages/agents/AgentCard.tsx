import { useState } from 'react';
import { Link } from 'react-router';
import { useSignedInUser } from '../../auth/use-session';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { formatRelative } from '../../lib/dates';
import type { Agent, AgentType } from './agent-api';
import { AgentProblem } from './AgentProblem';
import { AgentSettingsForm } from './AgentSettingsForm';
import { formatCost } from './format';
import { QuickGenerate } from './QuickGenerate';
import { TaskProgress } from './TaskProgress';
import { useAudienceZone } from './use-audience-zone';
import { useRunTask } from './use-run-task';
import type { AgentView } from './views/agent-views';

/** Where each agent's evidence is shown, for the agents that have a view. */
const VIEW_OF: Partial<Record<AgentType, AgentView>> = {
  trend_analyzer: 'trends',
  competitor_monitor: 'competitors',
  smart_scheduler: 'schedule',
  engagement_optimizer: 'prediction',
};

type WindowedRoute =
  '/ai-agents/trends/analyze' | '/ai-agents/competitor/analyze' | '/ai-agents/schedule/optimize';
const RUN_ROUTE: Partial<Record<AgentType, WindowedRoute>> = {
  trend_analyzer: '/ai-agents/trends/analyze',
  competitor_monitor: '/ai-agents/competitor/analyze',
  smart_scheduler: '/ai-agents/schedule/optimize',
};

/** Runs a data-driven agent with its defaults (last week, the user's zone) and follows the task. */
function RunWithDefaults({ route, view }: { route: WindowedRoute; view: AgentView }) {
  const zone = useAudienceZone();
  const task = useRunTask(route);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" busy={task.starting} onClick={() => task.run({ timeZone: zone })}>
          Run
        </Button>
        <Link to={`?view=${view}`} className="text-sm font-medium text-brand-700 underline">
          See the evidence
        </Link>
      </div>
      <AgentProblem problem={task.problem} />
      {task.task ? <TaskProgress task={task.task} /> : null}
    </div>
  );
}

function RunArea({ agent }: { agent: Agent }) {
  const [writing, setWriting] = useState(false);
  const route = RUN_ROUTE[agent.type];
  const view = VIEW_OF[agent.type];
  if (route && view) return <RunWithDefaults route={route} view={view} />;
  if (agent.type === 'content_creator') {
    return (
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant={writing ? 'secondary' : 'primary'}
            aria-expanded={writing}
            onClick={() => setWriting(!writing)}
          >
            {writing ? 'Hide' : 'Run'}
          </Button>
          <Link to="/compose" className="text-sm font-medium text-brand-700 underline">
            Write with it in the composer
          </Link>
        </div>
        {writing ? <QuickGenerate /> : null}
      </div>
    );
  }
  if (view) {
    return (
      <p>
        <Link to={`?view=${view}`} className="text-sm font-medium text-brand-700 underline">
          Run it on a draft
        </Link>
      </p>
    );
  }
  return <p className="text-xs text-slate-500">Works on its own; there is no task to start from here yet.</p>;
}

/** One agent: on or off, this month's use, how it is set up; run it, configure it. */
export function AgentCard({ agent }: { agent: Agent }) {
  const { can } = useSignedInUser();
  const [configuring, setConfiguring] = useState(false);
  const { usage, configuration } = agent;
  const settings = [
    configuration.brandVoice ? 'brand voice' : null,
    configuration.audience ? 'audience' : null,
    configuration.bannedWords?.length ? `${configuration.bannedWords.length} banned words` : null,
    configuration.model ? configuration.model : null,
    configuration.monthlyBudgetUsd !== undefined ? `own budget $${configuration.monthlyBudgetUsd}` : null,
  ].filter(Boolean);
  return (
    <li
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs"
      aria-label={agent.name}
      data-agent={agent.type}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">{agent.name}</h3>
        <Badge tone={agent.isActive ? 'success' : 'neutral'}>{agent.isActive ? 'On' : 'Off'}</Badge>
      </div>
      <p className="text-sm text-slate-600">{agent.description}</p>
      <p className="text-xs text-slate-500" data-testid="agent-usage">
        This month: {usage.tasksThisMonth} {usage.tasksThisMonth === 1 ? 'task' : 'tasks'}
        {usage.failedThisMonth > 0 ? ` (${usage.failedThisMonth} failed)` : ''} ·{' '}
        {formatCost(usage.costThisMonthUsd)} · last {formatRelative(usage.lastTaskAt)}
      </p>
      {settings.length > 0 ? <p className="text-xs text-slate-500">Set: {settings.join(', ')}</p> : null}
      <div className="mt-auto space-y-3">
        {can('user') && agent.isActive ? <RunArea agent={agent} /> : null}
        {can('user') && !agent.isActive ? (
          <p className="text-xs text-slate-500">
            Switched off: it takes no new tasks{can('manager') ? '' : ' until a manager switches it on'}.
          </p>
        ) : null}
        {can('manager') ? (
          configuring ? (
            <AgentSettingsForm agent={agent} onDone={() => setConfiguring(false)} />
          ) : (
            <Button size="sm" variant="secondary" onClick={() => setConfiguring(true)}>
              Configure
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}
