import { useId, useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { useSignedInUser } from '../../auth/use-session';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { formatDateTime, formatRelative } from '../../lib/dates';
import { browserTimeZone } from '../../lib/time-zones';
import { AccountAvatar } from './AccountAvatar';
import { accountHealth, accountLabel, quotaText, serviceHost, tokenExpiryText } from './account-health';
import { ActiveSwitch } from './ActiveSwitch';
import { ConnectForm } from './ConnectForm';
import { connectFormFor } from './connect-request';
import { InsightsPanel } from './InsightsPanel';
import { ReconnectButton } from './ReconnectButton';
import { RenameForm } from './RenameForm';
import type { PlatformAvailability, SocialAccount } from './types';
import { useAccountActions } from './use-account-actions';

/** One connected account: who it is, whether it can publish, and what may be done with it. */
export function AccountRow({
  account,
  availability,
  onAnnounce,
}: {
  account: SocialAccount;
  /** How its network connects on this Plume; absent when this build cannot connect it. */
  availability: PlatformAvailability | undefined;
  onAnnounce: (message: string) => void;
}) {
  const { can, user } = useSignedInUser();
  const manager = can('manager');
  const timeZone = user.timezone || browserTimeZone();
  const { sync, disconnect } = useAccountActions(account.id);
  const [renaming, setRenaming] = useState(false);
  const [askingAppPassword, setAskingAppPassword] = useState(false);
  const [showInsights, setShowInsights] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const insightsId = useId();

  const label = accountLabel(account);
  const health = accountHealth(account);
  const expiry = tokenExpiryText(account.tokenExpiresAt);
  const quota = account.quota ? quotaText(account.quota) : null;
  const connectForm = availability?.configured
    ? connectFormFor(account.platform, availability.connect)
    : undefined;
  const problem = [sync.error, disconnect.error].find(isApiProblem) ?? null;

  return (
    <li className="py-5 first:pt-0 last:pb-0" aria-label={label}>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div className="flex min-w-0 flex-1 gap-3">
          <AccountAvatar account={account} />
          <div className="min-w-0 flex-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all text-slate-900">{label}</span>
              <Badge tone={health.tone}>{health.label}</Badge>
            </p>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-slate-500">
              {account.handle ? <span className="break-all">@{account.handle}</span> : null}
              <span aria-hidden="true">·</span>
              <span>{account.platformName}</span>
              {account.serviceUrl ? (
                <span className="break-all">on {serviceHost(account.serviceUrl)}</span>
              ) : null}
              {account.profileUrl ? (
                <a
                  href={account.profileUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
                >
                  View profile
                  <Icon name="external" className="size-3.5" />
                  <span className="sr-only"> of {label} (opens in a new tab)</span>
                </a>
              ) : null}
            </p>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
              <div className="flex gap-1">
                <dt className="sr-only">Access</dt>
                <dd className={expiry.soon && account.status === 'active' ? 'text-amber-700' : ''}>
                  {account.status === 'disconnected' ? 'No access: Plume erased it' : expiry.text}
                </dd>
              </div>
              <div className="flex gap-1">
                <dt>Last sync:</dt>
                <dd title={account.lastSync ? formatDateTime(account.lastSync, timeZone) : undefined}>
                  {account.lastSync ? formatRelative(account.lastSync) : 'never'}
                </dd>
              </div>
              {quota ? (
                <div className="flex gap-1">
                  <dt className="sr-only">Publishing quota</dt>
                  <dd className={quota.nearlyFull ? 'text-amber-700' : ''}>{quota.text}</dd>
                </div>
              ) : null}
              {account.lastSyncError && account.status === 'active' ? (
                <div className="flex gap-1 sm:col-span-2">
                  <dt className="sr-only">Metrics</dt>
                  {/* A failed sync keeps the figures it had: say they are older than they look. */}
                  <dd className="text-amber-700">
                    The last sync failed ({account.lastSyncError}); figures are from{' '}
                    {account.lastSync ? formatRelative(account.lastSync) : 'no sync yet'} and Plume tries
                    again on its own.
                  </dd>
                </div>
              ) : null}
            </dl>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-1 pl-13 lg:pl-0">
          {can('user') && account.status === 'active' ? (
            <Button
              variant="ghost"
              size="sm"
              busy={sync.isPending}
              busyLabel="Queuing…"
              aria-label={`Sync ${label} now`}
              onClick={() =>
                sync.mutate(undefined, {
                  onSuccess: () => onAnnounce(`Sync of ${label} queued; the list updates when it is done.`),
                })
              }
            >
              <Icon name="refresh" className="size-3.5" />
              Sync now
            </Button>
          ) : null}
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={showInsights}
            aria-controls={insightsId}
            aria-label={`Insights of ${label}`}
            onClick={() => setShowInsights((shown) => !shown)}
          >
            Insights
          </Button>
          {manager ? (
            <>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Rename ${label}`}
                aria-expanded={renaming}
                onClick={() => setRenaming((open) => !open)}
              >
                Rename
              </Button>
              {account.status !== 'disconnected' ? (
                <Button
                  variant="dangerGhost"
                  size="sm"
                  aria-label={`Disconnect ${label}`}
                  onClick={() => setConfirming(true)}
                >
                  Disconnect
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      </div>

      <div className="mt-3 space-y-3 pl-13">
        <FormProblem problem={problem} />
        {health.needsReconnect ? (
          <Notice
            tone={account.status === 'needs_reauth' ? 'danger' : 'info'}
            role="note"
            title={account.status === 'needs_reauth' ? 'Publishing is stopped for this account' : undefined}
          >
            <p>{health.detail}</p>
            {account.status === 'needs_reauth' ? (
              <p className="mt-1">Posts scheduled to it wait; reconnect before they are due, or they fail.</p>
            ) : null}
            <div className="mt-2">
              {manager && connectForm ? (
                <ReconnectButton
                  account={account}
                  form={connectForm}
                  onAskAppPassword={() => setAskingAppPassword(true)}
                  onReconnected={onAnnounce}
                />
              ) : manager ? (
                <p className="text-xs">
                  {account.platformName} is not set up on this Plume, so it cannot reconnect.
                </p>
              ) : (
                <p className="text-xs">Ask a manager or an admin to reconnect it.</p>
              )}
            </div>
          </Notice>
        ) : health.detail && health.tone === 'warning' ? (
          <Notice tone="warning" role="note" title="The last sync failed">
            {health.detail}
          </Notice>
        ) : null}
        {askingAppPassword && connectForm && connectForm !== 'oauth' ? (
          <ConnectForm
            platform={account.platform}
            networkName={account.platformName}
            form={connectForm}
            initial={{ identifier: account.handle ?? '' }}
            submitLabel="Reconnect"
            onConnected={() => {
              setAskingAppPassword(false);
              onAnnounce(`${label} reconnected.`);
            }}
          />
        ) : null}
        {renaming ? (
          <RenameForm
            account={account}
            onDone={(message) => {
              setRenaming(false);
              if (message) onAnnounce(message);
            }}
          />
        ) : null}
        {account.status !== 'disconnected' ? (
          <ActiveSwitch account={account} label={label} editable={manager} onAnnounce={onAnnounce} />
        ) : null}
        <div id={insightsId} hidden={!showInsights}>
          {showInsights ? <InsightsPanel accountId={account.id} label={label} /> : null}
        </div>
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Disconnect ${label}?`}
        confirmLabel="Disconnect"
        busy={disconnect.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              onAnnounce(`${label} was disconnected.`);
            },
            onError: () => setConfirming(false),
          })
        }
      >
        <p>
          Plume erases its access to this {account.platformName} account at once and stops publishing to it.
        </p>
        <p className="mt-2">
          Posts scheduled to it stay in Plume but will not go out: each fails when it is due, saying the
          account is disconnected. Connect the same account again before then and they are published as
          planned.
        </p>
      </ConfirmDialog>
    </li>
  );
}
