import { Notice } from '../../../components/Notice';
import { PLATFORM_LOOK } from '../../../publishing/platforms';
import { formatDateTime } from '../../../lib/dates';
import type { AccountBestTimes, OptimizeScheduleOutput } from '../task-outputs';
import { formatTimes, formatTwo } from '../format';
import { BestTimeHeatmap } from './BestTimeHeatmap';
import { bestTimeClaim } from './best-time-claim';

const BASIS_TEXT = {
  posts: 'your posts',
  'posts and prior': 'your posts and the prior',
  prior: 'prior only',
} as const;

function AccountBestTimesSection({
  account,
  name,
  asOf,
}: {
  account: AccountBestTimes;
  name: string;
  asOf: string | null;
}) {
  return (
    <section aria-label={`Best times for ${name}`} className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">
        {name} <span className="font-normal text-slate-500">· {PLATFORM_LOOK[account.platform].name}</span>
      </h3>
      {account.supported ? null : (
        <Notice tone="warning" title="Your history cannot support advice on times yet">
          {account.reason ?? 'Too few posts to compare hours.'} The map below is the prior alone (
          {account.evidence.prior}), not learned from your posts.
        </Notice>
      )}
      <p
        className={`text-sm ${account.backtest.supported ? 'font-medium text-slate-900' : 'text-slate-600'}`}
        data-testid="best-time-backtest"
      >
        {bestTimeClaim(account.backtest, asOf)}
      </p>
      <BestTimeHeatmap account={account} />
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="mb-1 text-left text-xs text-slate-500">
            Best slots ({account.evidence.postsUsed} posts used in {account.evidence.slotsWithPosts} slots)
          </caption>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Slot
              </th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">
                Expected
              </th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">
                95 % interval
              </th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">
                Posts
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                From
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 text-slate-700">
            {account.ranked.slice(0, 5).map((slot) => (
              <tr key={slot.label}>
                <th scope="row" className="py-1 pr-4 text-left font-medium whitespace-nowrap">
                  {slot.label}
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{formatTimes(slot.multiplier)}</td>
                <td className="py-1 pr-4 text-right whitespace-nowrap tabular-nums">
                  ×{formatTwo(slot.interval.low)} to ×{formatTwo(slot.interval.high)}
                </td>
                <td className="py-1 pr-4 text-right tabular-nums">{slot.posts}</td>
                <td className="py-1 pr-4 text-xs whitespace-nowrap text-slate-500">
                  {BASIS_TEXT[slot.basis]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each account's best weekly times with the evidence and the backtest; the plan, if drafts were given. */
export function ScheduleResult({
  output,
  accountNames = {},
  asOf,
}: {
  output: OptimizeScheduleOutput;
  accountNames?: Readonly<Record<string, string>>;
  /** When the result was made: the backtest's weeks run up to it. */
  asOf: string | null;
}) {
  if (output.accounts.length === 0) {
    return (
      <p className="text-sm text-slate-600">No active account to plan for: connect one under Accounts.</p>
    );
  }
  return (
    <div className="space-y-8">
      {output.accounts.map((account) => (
        <AccountBestTimesSection
          key={account.accountId}
          account={account}
          name={accountNames[account.accountId] ?? 'Account'}
          asOf={asOf}
        />
      ))}
      {output.plan && output.plan.planned.length + output.plan.unplaced.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Plan for your drafts</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {output.plan.planned.map((item) => (
              <li key={item.draftId}>
                {formatDateTime(item.at)} ({item.label}): {item.reason}
              </li>
            ))}
            {output.plan.unplaced.map((item) => (
              <li key={item.draftId} className="text-amber-800">
                Not placed: {item.reason}
              </li>
            ))}
          </ul>
          {output.applied > 0 ? (
            <p className="mt-1 text-xs text-slate-500">
              {output.applied} drafts got their proposed time; they stay drafts.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
