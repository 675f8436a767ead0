import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { useSignedInUser } from '../auth/use-session';
import { useServices } from '../app/services';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { SOCIAL_ACCOUNTS_KEY } from '../publishing/query-keys';
import { AccountList } from './accounts/AccountList';
import { accountLabel } from './accounts/account-health';
import { ConnectSection } from './accounts/ConnectSection';
import { useCallbackResult } from './accounts/use-callback-result';

export default function AccountsPage() {
  const { api } = useServices();
  const { can } = useSignedInUser();
  const canConnect = can('manager');
  // Under SOCIAL_ACCOUNTS_KEY, so `social-account.updated` / `.synced` pushes refresh it.
  const accounts = useQuery({
    queryKey: [...SOCIAL_ACCOUNTS_KEY, 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/social-accounts', { signal })),
  });
  const [callback, dismissCallback] = useCallbackResult();
  const [announcement, setAnnouncement] = useState('');

  return (
    <>
      <PageHeader
        title="Accounts"
        description="The social accounts this organization publishes to, and whether each can publish right now."
      />
      <div className="mt-8 space-y-8">
        {callback ? (
          <Notice
            tone={callback.tone}
            role={callback.tone === 'danger' ? 'alert' : 'status'}
            title={callback.title}
            action={
              <Button variant="ghost" size="sm" onClick={dismissCallback}>
                Dismiss
              </Button>
            }
          >
            {callback.message}
          </Notice>
        ) : null}
        <p role="status" className="text-sm font-medium text-emerald-700 empty:hidden">
          {announcement}
        </p>
        {canConnect ? null : (
          <Notice title="Only managers and admins connect accounts">
            You can see each account’s health and insights. Ask a manager to connect, rename or disconnect
            one.
          </Notice>
        )}
        <QueryState query={accounts} label="accounts">
          {accounts.data ? (
            <>
              <AccountList
                accounts={accounts.data.accounts}
                platforms={accounts.data.platforms}
                canConnect={canConnect}
                onAnnounce={setAnnouncement}
              />
              {canConnect ? (
                <ConnectSection
                  platforms={accounts.data.platforms}
                  onConnected={(account) => setAnnouncement(`Connected ${accountLabel(account)}.`)}
                />
              ) : null}
            </>
          ) : null}
        </QueryState>
      </div>
    </>
  );
}
