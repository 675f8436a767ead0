import { MILESTONES, type MilestoneId } from '../../app/milestones';
import { Badge } from '../../components/Badge';
import { Card } from '../../components/Card';

/** Which milestone brings which pages; the same names the area pages use. */
const PAGES_BY_MILESTONE: Record<MilestoneId, string> = {
  foundation: 'Overview',
  identity: 'Team, Settings',
  publishing: 'Accounts, Compose, Posts, Calendar, Media, Notifications',
  analytics: 'Analytics',
  agents: 'AI agents',
  billing: 'Billing',
  administration: 'Admin',
};

const AVAILABLE: ReadonlySet<MilestoneId> = new Set(['foundation', 'identity', 'publishing']);
/** Started: some of its pages work, the rest are on their way. */
const UNDER_WAY: ReadonlySet<MilestoneId> = new Set(['analytics', 'agents']);

export function RoadmapCard() {
  const ids = Object.keys(MILESTONES) as MilestoneId[];
  return (
    <Card
      title="What is built"
      description="Plume ships in milestones; each page says which one brings it."
      className="lg:col-span-2"
    >
      <ol className="divide-y divide-slate-100">
        {ids.map((id) => (
          <li
            key={id}
            className="grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-1 py-3 first:pt-0 last:pb-0 sm:grid-cols-[10rem_1fr_auto]"
          >
            <span className="text-sm font-medium text-slate-900">{MILESTONES[id].name}</span>
            <div className="col-span-2 row-start-2 min-w-0 text-sm sm:col-span-1 sm:col-start-2 sm:row-start-1">
              <p className="text-slate-600">{MILESTONES[id].summary}</p>
              <p className="mt-0.5 text-xs text-slate-500">Pages: {PAGES_BY_MILESTONE[id]}</p>
            </div>
            <div className="col-start-2 row-start-1 sm:col-start-3">
              {AVAILABLE.has(id) ? (
                <Badge tone="success">Available</Badge>
              ) : UNDER_WAY.has(id) ? (
                <Badge tone="brand">Under way</Badge>
              ) : (
                <Badge>Planned</Badge>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
