import { useId, useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { Button } from '../../components/Button';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { ConnectForm } from './ConnectForm';
import { ConnectProblem } from './ConnectProblem';
import { connectFormFor } from './connect-request';
import type { PlatformAvailability, SocialAccount } from './types';
import { useConnectAccount } from './use-connect-account';

const HOW: Record<ReturnType<typeof connectFormFor>, string> = {
  oauth: 'You approve Plume on the network’s own page, then come back here.',
  server: 'Name your server, then approve Plume there.',
  'app-password': 'Sign in with an app password, not your account password.',
  handle: 'The built-in test network: pick a handle and publish at once, nothing real is posted.',
};

/** One network Plume can connect: its button or form, or what the operator must set up first. */
export function PlatformCard({
  platform,
  onConnected,
}: {
  platform: PlatformAvailability;
  onConnected: (account: SocialAccount) => void;
}) {
  const form = connectFormFor(platform.platform, platform.connect);
  const [open, setOpen] = useState(form === 'handle');
  const connect = useConnectAccount();
  const panelId = useId();

  return (
    <li
      className={`flex flex-col rounded-xl border bg-white p-4 shadow-xs ${platform.configured ? 'border-slate-200' : 'border-dashed border-slate-300 bg-slate-50'}`}
    >
      <div className="flex items-start gap-3">
        <PlatformBadge platform={platform.platform} size="md" />
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-slate-900">{platform.name}</h3>
          <p className="mt-0.5 text-xs leading-5 text-slate-500">{HOW[form]}</p>
        </div>
      </div>
      <div className="mt-3 flex-1">
        {!platform.configured ? (
          <div className="text-xs leading-5 text-slate-600">
            <p className="font-medium text-slate-700">Not set up on this Plume yet.</p>
            <p>The operator must add these settings to the platform-apps secret:</p>
            <ul aria-label={`Settings ${platform.name} needs`} className="mt-1 flex flex-wrap gap-1">
              {platform.missingSettings.map((setting) => (
                <li key={setting}>
                  <code className="rounded bg-white px-1.5 py-0.5 ring-1 ring-slate-200">{setting}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : form === 'oauth' ? (
          <div className="space-y-3">
            <ConnectProblem problem={isApiProblem(connect.error) ? connect.error : null} />
            <Button
              variant="secondary"
              busy={connect.isPending || connect.data?.kind === 'redirecting'}
              busyLabel="Opening…"
              onClick={() => connect.mutate({ platform: platform.platform })}
            >
              Connect {platform.name}
            </Button>
          </div>
        ) : form === 'handle' ? (
          <ConnectForm
            platform={platform.platform}
            networkName={platform.name}
            form="handle"
            submitLabel="Connect"
            onConnected={onConnected}
          />
        ) : (
          <div className="space-y-3">
            <Button
              variant="secondary"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen((shown) => !shown)}
            >
              {open ? 'Cancel' : `Connect ${platform.name}`}
            </Button>
            <div id={panelId} hidden={!open}>
              {open ? (
                <ConnectForm
                  platform={platform.platform}
                  networkName={platform.name}
                  form={form}
                  submitLabel={form === 'server' ? 'Continue to the server' : `Connect ${platform.name}`}
                  onConnected={(account) => {
                    setOpen(false);
                    onConnected(account);
                  }}
                />
              ) : null}
            </div>
          </div>
        )}
      </div>
    </li>
  );
}
