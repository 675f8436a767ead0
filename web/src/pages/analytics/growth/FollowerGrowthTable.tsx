import type { components } from '../../../api/schema.gen';
import { Badge } from '../../../components/Badge';
import { MetricFigure } from '../../../components/MetricFigure';
import { formatDateTime } from '../../../lib/dates';
import { PLATFORM_LOOK } from '../../../publishing/platforms';

type Growth = components['schemas']['FollowerGrowth'];
type Account = Growth['accounts'][number];

const PERCENT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const SIGNED = new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero' });

export const accountName = (account: Pick<Account, 'name' | 'handle' | 'platform'>) =>
  account.name ?? account.handle ?? PLATFORM_LOOK[account.platform].name;

/** A change or rate with its sign, or the dash with the reason when it is null. */
function Signed({ value, percent, reason }: { value: number | null; percent?: boolean; reason?: string }) {
  if (value === null) return <MetricFigure value={null} reason={reason ?? 'No reading at both ends.'} />;
  return <>{percent ? `${PERCENT.format(value)} %` : SIGNED.format(value)}</>;
}

/** Each account's followers at both ends of the period, the change and rate, against the period before. */
export function FollowerGrowthTable({ growth, timeZone }: { growth: Growth; timeZone: string }) {
  const why = (account: Account) => account.unavailable.followers;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Followers per account in this period and the one before</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Account
            </th>
            {['Start', 'End', 'Net change', 'Growth rate', 'Rate before'].map((name) => (
              <th key={name} scope="col" className="py-1.5 pr-4 text-right font-medium whitespace-nowrap">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-700">
          {growth.accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row" className="min-w-40 py-1.5 pr-4 text-left font-medium text-slate-900">
                <span className="flex flex-wrap items-center gap-2">
                  {accountName(account)}
                  {account.stale ? <Badge tone="warning">Stale</Badge> : null}
                </span>
                <span className="block text-xs font-normal text-slate-500">
                  {PLATFORM_LOOK[account.platform].name}
                  {account.asOf ? ` · as of ${formatDateTime(account.asOf, timeZone)}` : ' · no reading yet'}
                </span>
                {account.stale ? (
                  <span className="block text-xs font-normal text-amber-800">
                    Last good sync: {account.lastSync ? formatDateTime(account.lastSync, timeZone) : 'never'}
                  </span>
                ) : null}
              </th>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                <MetricFigure value={account.current.start} reason={why(account)} />
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                <MetricFigure value={account.current.end} reason={why(account)} />
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                <Signed value={account.current.change} reason={why(account)} />
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                <Signed value={account.current.growthRate} percent reason={why(account)} />
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                <Signed value={account.previous.growthRate} percent reason={why(account)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-300 text-slate-900">
          <tr>
            <th scope="row" className="py-1.5 pr-4 text-left font-medium">
              Total
              <span className="block text-xs font-normal text-slate-500">
                {growth.total.current.accounts} accounts with both ends
              </span>
            </th>
            <td className="py-1.5 pr-4 text-right tabular-nums">
              <MetricFigure
                value={growth.total.current.start}
                reason="No account has a reading at both ends."
              />
            </td>
            <td className="py-1.5 pr-4 text-right tabular-nums">
              <MetricFigure
                value={growth.total.current.end}
                reason="No account has a reading at both ends."
              />
            </td>
            <td className="py-1.5 pr-4 text-right tabular-nums">
              <Signed value={growth.total.current.change} />
            </td>
            <td className="py-1.5 pr-4 text-right tabular-nums">
              <Signed value={growth.total.current.growthRate} percent />
            </td>
            <td className="py-1.5 pr-4 text-right tabular-nums">
              <Signed value={growth.total.previous.growthRate} percent />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
