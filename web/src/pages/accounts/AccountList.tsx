import { SettingsSection } from '../settings/SettingsSection';
import { AccountRow } from './AccountRow';
import { attentionCount } from './account-health';
import type { PlatformAvailability, SocialAccount } from './types';

function summary(accounts: SocialAccount[]): string {
  if (accounts.length === 0) return 'None yet.';
  const connected = `${accounts.length} ${accounts.length === 1 ? 'account' : 'accounts'}`;
  const attention = attentionCount(accounts);
  if (attention === 0) return `${connected}, all healthy.`;
  return `${connected}; ${attention} ${attention === 1 ? 'needs' : 'need'} attention.`;
}

export function AccountList({
  accounts,
  platforms,
  canConnect,
  onAnnounce,
}: {
  accounts: SocialAccount[];
  platforms: PlatformAvailability[];
  canConnect: boolean;
  onAnnounce: (message: string) => void;
}) {
  return (
    <SettingsSection title="Connected accounts" description={summary(accounts)}>
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-600">
          {canConnect
            ? 'Connect a network below. The Sandbox needs no real account, to try publishing first.'
            : 'No account is connected yet. Managers and admins connect them.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Connected accounts">
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              availability={platforms.find((platform) => platform.platform === account.platform)}
              onAnnounce={onAnnounce}
            />
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}
