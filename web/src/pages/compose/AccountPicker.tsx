import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { Notice } from '../../components/Notice';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { AccountAvatar } from './AccountAvatar';
import { groupByPlatform, type ComposerAccount } from './accounts';

/** Checkboxes for the organization's usable accounts, one group per network. */
export function AccountPicker({
  accounts,
  selected,
  onToggle,
}: {
  accounts: readonly ComposerAccount[];
  selected: readonly string[];
  onToggle: (accountId: string) => void;
}) {
  if (accounts.length === 0) {
    return (
      <Notice tone="warning" title="No accounts to post to">
        Connect a network first on the{' '}
        <Link to="/accounts" className="font-medium underline">
          Accounts
        </Link>{' '}
        page (the Sandbox network needs no credentials).
      </Notice>
    );
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Post to</legend>
      <div className="mt-2 space-y-3">
        {groupByPlatform(accounts).map(([platform, group]) => (
          <div key={platform} role="group" aria-label={PLATFORM_LOOK[platform].name}>
            <p className="mb-1.5 flex items-center gap-2 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <PlatformBadge platform={platform} />
              {PLATFORM_LOOK[platform].name}
            </p>
            <ul className="flex flex-wrap gap-2">
              {group.map((account) => {
                const checked = selected.includes(account.id);
                return (
                  <li key={account.id}>
                    <label
                      className={`flex cursor-pointer items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm ring-1 ring-inset ${
                        checked ? 'bg-brand-50 ring-brand-300' : 'bg-white ring-slate-200 hover:bg-slate-50'
                      }`}
                    >
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() => onToggle(account.id)}
                        className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                      />
                      <AccountAvatar account={account} size="size-6" />
                      <span className="font-medium text-slate-900">{account.name}</span>
                      {account.handle ? <span className="text-slate-500">@{account.handle}</span> : null}
                      {account.status === 'needs_reauth' ? (
                        <Badge tone="warning">
                          <span title={account.statusReason ?? undefined}>Needs reconnecting</span>
                        </Badge>
                      ) : null}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
