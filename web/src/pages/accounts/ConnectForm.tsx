import { useState } from 'react';
import { Button } from '../../components/Button';
import { PasswordField, TextField } from '../../components/form/TextField';
import { useForm } from '../../forms/use-form';
import type { Platform } from '../../publishing/platforms';
import { ConnectProblem } from './ConnectProblem';
import {
  connectErrors,
  connectRequest,
  EMPTY_CONNECT_VALUES,
  type ConnectForm as ConnectFormKind,
  type ConnectValues,
} from './connect-request';
import type { SocialAccount } from './types';
import { useConnectAccount } from './use-connect-account';

const BLUESKY_APP_PASSWORDS = 'https://bsky.app/settings/app-passwords';

/**
 * The few fields a network needs before Plume can connect it: a Mastodon server, a Bluesky
 * handle and app password, or a Sandbox handle. Field errors from the API land on their field.
 */
export function ConnectForm({
  platform,
  networkName,
  form: kind,
  initial,
  submitLabel,
  onConnected,
}: {
  platform: Platform;
  networkName: string;
  form: Exclude<ConnectFormKind, 'oauth'>;
  initial?: Partial<ConnectValues>;
  submitLabel: string;
  onConnected: (account: SocialAccount) => void;
}) {
  const connect = useConnectAccount();
  const [showService, setShowService] = useState(Boolean(initial?.service));
  const form = useForm<ConnectValues>({
    initial: { ...EMPTY_CONNECT_VALUES, ...initial },
    validate: (values) => connectErrors(kind, values),
    onSubmit: async (values) => {
      const outcome = await connect.mutateAsync(connectRequest(platform, kind, values));
      if (outcome.kind === 'connected') {
        form.reset({ ...EMPTY_CONNECT_VALUES, ...initial });
        onConnected(outcome.account);
      }
    },
  });
  const busyLabel = kind === 'server' ? 'Opening…' : 'Connecting…';

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className="space-y-3"
      aria-label={`Connect ${networkName}`}
    >
      <ConnectProblem problem={form.problem} />
      {kind === 'server' ? (
        <TextField
          {...form.field('serviceUrl')}
          label="Your Mastodon server"
          placeholder="mastodon.social"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          hint="The address of the server your account lives on. You approve Plume there next."
        />
      ) : null}
      {kind === 'handle' ? (
        <TextField
          {...form.field('identifier')}
          label="Sandbox handle"
          placeholder="my-brand"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          hint="Any new handle joins the built-in test network; no real account is involved."
        />
      ) : null}
      {kind === 'app-password' ? (
        <>
          <TextField
            {...form.field('identifier')}
            label="Handle or email"
            placeholder="you.bsky.social"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
          />
          <PasswordField
            {...form.field('appPassword')}
            label="App password"
            autoComplete="new-password"
            hint={
              <>
                Not your account password: an app password can post for you but cannot change your account,
                and you can revoke it any time. Create one in{' '}
                <a
                  href={BLUESKY_APP_PASSWORDS}
                  target="_blank"
                  rel="noreferrer"
                  className="font-medium text-brand-700 underline underline-offset-2"
                >
                  Bluesky’s settings → App passwords
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                .
              </>
            }
          />
          {showService ? (
            <TextField
              {...form.field('service')}
              label="Hosting provider"
              optional
              placeholder="bsky.social"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              hint="Only if your account is not hosted by Bluesky itself (a self-hosted PDS)."
            />
          ) : (
            <button
              type="button"
              onClick={() => setShowService(true)}
              className="text-xs font-medium text-brand-700 hover:underline"
            >
              My account is hosted elsewhere
            </button>
          )}
        </>
      ) : null}
      <Button type="submit" busy={form.submitting} busyLabel={busyLabel}>
        {submitLabel}
      </Button>
    </form>
  );
}
