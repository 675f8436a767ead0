import { isApiProblem } from '../../api/problem';
import { Button } from '../../components/Button';
import { ConnectProblem } from './ConnectProblem';
import type { ConnectForm } from './connect-request';
import type { SocialAccount } from './types';
import { useConnectAccount } from './use-connect-account';

/**
 * Connecting the same network account again revives it with the same id, so its scheduled
 * posts can go out. OAuth networks go to consent (Mastodon on the account's own server);
 * the Sandbox reconnects at once; Bluesky needs a new app password, so the row opens its form.
 */
export function ReconnectButton({
  account,
  form,
  onAskAppPassword,
  onReconnected,
}: {
  account: SocialAccount;
  form: ConnectForm;
  onAskAppPassword: () => void;
  onReconnected: (message: string) => void;
}) {
  const connect = useConnectAccount();
  const reconnect = () => {
    if (form === 'app-password') return onAskAppPassword();
    const request =
      form === 'handle'
        ? { platform: account.platform, identifier: account.handle ?? account.accountId }
        : form === 'server'
          ? { platform: account.platform, serviceUrl: account.serviceUrl ?? undefined }
          : { platform: account.platform };
    connect.mutate(request, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'connected') onReconnected(`${account.platformName} account reconnected.`);
      },
    });
  };
  return (
    <div className="space-y-2">
      <ConnectProblem problem={isApiProblem(connect.error) ? connect.error : null} />
      <Button
        size="sm"
        onClick={reconnect}
        busy={connect.isPending || connect.data?.kind === 'redirecting'}
        busyLabel="Reconnecting…"
      >
        Reconnect
      </Button>
    </div>
  );
}
