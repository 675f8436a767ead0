import { Link } from 'react-router';
import { MILESTONES, type MilestoneId } from '../app/milestones';
import { Badge } from './Badge';
import { Icon, type IconName } from './Icon';

/**
 * What an area page shows until its milestone ships: plainly not built, what it will do,
 * and which part of Plume brings it. No sample data, so nothing here can be mistaken for
 * the user's own.
 */
export function PlannedArea({
  icon,
  milestone,
  headline,
  capabilities,
  dependsOn,
}: {
  icon: IconName;
  milestone: MilestoneId;
  /** One sentence: what this page will be for. */
  headline: string;
  /** What the user will be able to do here. */
  capabilities: string[];
  /** Another milestone this one needs first, if any. */
  dependsOn?: MilestoneId;
}) {
  const { name, summary } = MILESTONES[milestone];
  return (
    <section
      aria-label="Not built yet"
      className="mt-8 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 sm:px-10 sm:py-10"
    >
      <div className="flex flex-col gap-6 md:flex-row md:gap-10">
        <div className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-500">
          <Icon name={icon} className="size-6" />
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="neutral">Not built yet</Badge>
            <Badge tone="brand">{name} milestone</Badge>
          </div>
          <p className="mt-4 text-base font-medium text-slate-900">{headline}</p>
          <p className="mt-2 max-w-2xl text-sm leading-6 text-slate-600">
            This page arrives with the <strong className="font-semibold text-slate-800">{name}</strong>{' '}
            milestone: {summary.charAt(0).toLowerCase() + summary.slice(1)}
            {dependsOn ? ` It builds on the ${MILESTONES[dependsOn].name} milestone.` : ''}
          </p>
          <h2 className="mt-6 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            What you will do here
          </h2>
          <ul className="mt-3 grid gap-2.5 sm:grid-cols-2">
            {capabilities.map((capability) => (
              <li key={capability} className="flex gap-2.5 text-sm leading-6 text-slate-700">
                <Icon name="check" className="mt-1 size-4 shrink-0 text-slate-400" />
                <span>{capability}</span>
              </li>
            ))}
          </ul>
          <p className="mt-6 text-sm text-slate-500">
            Until then, the{' '}
            <Link to="/" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              overview
            </Link>{' '}
            shows the health of this installation.
          </p>
        </div>
      </div>
    </section>
  );
}
