import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useServices } from '../../../app/services';
import { Button } from '../../../components/Button';
import { MetricFigure } from '../../../components/MetricFigure';
import { QueryState } from '../../../components/QueryState';
import { formatRelative } from '../../../lib/dates';
import { PlatformBadge } from '../../../publishing/PlatformBadge';

/** The tracked competitor accounts, with their latest read and a way to stop tracking one. */
export function TrackedAccounts({ canEdit }: { canEdit: boolean }) {
  const { api } = useServices();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['analytics', 'competitors', 'accounts'],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/competitors/accounts', { signal })),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/analytics/competitors/accounts/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['analytics', 'competitors'] }),
  });
  return (
    <QueryState query={list} label="tracked accounts">
      {list.data && list.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No competitor is tracked yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Tracked competitors">
          {list.data?.items.map((account) => (
            <li key={account.id} className="flex flex-wrap items-center gap-3 py-2.5 first:pt-0 last:pb-0">
              <PlatformBadge platform={account.platform} />
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate font-medium text-slate-900">{account.name ?? account.handle}</p>
                <p className="truncate text-xs text-slate-500">
                  {account.handle} ·{' '}
                  {account.latest ? (
                    <>
                      <MetricFigure value={account.latest.followers} reason={undefined} /> followers · read{' '}
                      {formatRelative(account.latest.capturedAt)}
                    </>
                  ) : (
                    'not read yet'
                  )}
                </p>
                {account.lastCheckError ? (
                  <p className="text-xs text-amber-800">Last read failed: {account.lastCheckError}</p>
                ) : null}
              </div>
              {canEdit ? (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(account.id)}
                  aria-label={`Stop tracking ${account.name ?? account.handle}`}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
