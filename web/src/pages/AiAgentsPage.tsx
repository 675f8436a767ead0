import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AgentsOverview } from './agents/AgentsOverview';
import { useAgentTaskPushes } from './agents/use-agents';
import { AGENT_VIEWS, isAgentView, type AgentView } from './agents/views/agent-views';
import { CompetitorsView } from './agents/views/CompetitorsView';
import { CrisisView } from './agents/views/CrisisView';
import { PredictionView } from './agents/views/PredictionView';
import { ScheduleView } from './agents/views/ScheduleView';
import { TrendsView } from './agents/views/TrendsView';

const VIEWS: Record<AgentView, () => React.JSX.Element> = {
  overview: AgentsOverview,
  trends: TrendsView,
  competitors: CompetitorsView,
  schedule: ScheduleView,
  prediction: PredictionView,
  crisis: CrisisView,
};

/** The agents: their state, use and budget, task history, and the views that show their evidence. */
export default function AiAgentsPage() {
  const [params] = useSearchParams();
  const asked = params.get('view');
  const current: AgentView = isAgentView(asked) ? asked : 'overview';
  const View = VIEWS[current];
  const nav = useRef<HTMLElement>(null);
  useAgentTaskPushes();
  // On a phone the tabs scroll sideways: keep the current one in sight.
  useEffect(() => {
    nav.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <>
      <PageHeader
        title="AI agents"
        description="Seven agents that write, time and keep watch, with the numbers from your own data and their measured accuracy beside the advice."
      />
      <nav ref={nav} aria-label="Agents" className="-mx-4 mt-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {AGENT_VIEWS.map(({ view, label }) => (
            <li key={view}>
              <Link
                to={view === 'overview' ? '/ai-agents' : `/ai-agents?view=${view}`}
                aria-current={view === current ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
                  view === current
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                }`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">
        <View />
      </div>
    </>
  );
}
