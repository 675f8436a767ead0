import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';
import { accountHealth, accountLabel } from '../accounts/account-health';

/** Accounts that need someone: access to reconnect, or a metrics sync that failed. */
export function AttentionCard() {
  const { api } = useServices();
  const accounts = useQuery({
    queryKey: [...SOCIAL_ACCOUNTS_KEY, 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/social-accounts', { signal })),
  });
  const needing = (accounts.data?.accounts ?? [])
    .map((account) => ({ account, health: accountHealth(account) }))
    .filter(({ health }) => health.tone === 'danger' || health.tone === 'warning');
  const connected = accounts.data?.accounts.length ?? 0;
  return (
    <Card
      title="Accounts needing attention"
      aside={
        <Link to="/accounts" className="text-sm font-medium text-brand-700 hover:underline">
          Accounts
        </Link>
      }
    >
      <QueryState query={accounts} label="accounts">
        {connected === 0 ? (
          <p className="text-sm text-slate-600">
            No account is connected yet.{' '}
            <Link to="/accounts" className="font-medium text-brand-700 hover:underline">
              Connect one
            </Link>
          </p>
        ) : needing.length === 0 ? (
          <p className="text-sm text-slate-600">All {connected} accounts are connected and syncing.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Accounts needing attention">
            {needing.map(({ account, health }) => (
              <li key={account.id} className="flex items-start gap-3 py-2.5 first:pt-0 last:pb-0">
                <PlatformBadge platform={account.platform} />
                <div className="min-w-0 flex-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{accountLabel(account)}</span>
                    <Badge tone={health.tone === 'danger' ? 'danger' : 'warning'}>{health.label}</Badge>
                  </p>
                  {health.detail ? <p className="mt-0.5 text-xs text-slate-600">{health.detail}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
