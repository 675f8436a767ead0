import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';

/**
 * What the OAuth callback (functions/http/operations/social-accounts/callback.ts) says when it
 * sends the browser back to /accounts: `connected` + `count` (+ `skipped`) on success, or
 * `error` + `platform` (+ `message`).
 */
export const CALLBACK_PARAMS = ['connected', 'count', 'skipped', 'error', 'platform', 'message'] as const;

export interface CallbackResult {
  tone: 'success' | 'danger';
  title: string;
  message: string;
}

function networkName(platform: string | null): string {
  if (platform && platform in PLATFORM_LOOK) return PLATFORM_LOOK[platform as Platform].name;
  return 'the network';
}

const ERROR_WORDS: Record<string, (network: string) => { title: string; message: string }> = {
  access_denied: (network) => ({
    title: `${network} was not connected`,
    message: `Access was declined on ${network}. Connect again and approve Plume’s request to publish.`,
  }),
  invalid_state: (network) => ({
    title: `Connecting ${network} did not finish`,
    message: 'The request expired or was already used (it is valid for ten minutes). Start again.',
  }),
  authorization_failed: (network) => ({
    title: `${network} refused the connection`,
    message: `${network} did not authorize Plume. Try again.`,
  }),
  exchange_failed: (network) => ({
    title: `${network} was not connected`,
    message: `${network} did not accept Plume’s sign-in. Try again in a moment.`,
  }),
  platform_not_configured: (network) => ({
    title: `${network} is not set up on this Plume`,
    message: 'The operator must add its app credentials before accounts can be connected.',
  }),
  plan_limit_reached: () => ({
    title: 'Your plan is full',
    message: 'Disconnect an account or upgrade the plan to connect more.',
  }),
  forbidden: (network) => ({
    title: `${network} was not connected`,
    message: 'Only managers and admins of this organization connect accounts.',
  }),
  unknown_platform: () => ({
    title: 'Unknown network',
    message: 'Plume does not know the network that sent you back. Start again from this page.',
  }),
};

/** The notice to show for the callback's query string, or null when it carries none. */
export function readCallbackResult(search: URLSearchParams): CallbackResult | null {
  const connected = search.get('connected');
  if (connected) {
    const network = networkName(connected);
    const count = Number(search.get('count') ?? '1');
    const skipped = Number(search.get('skipped') ?? '0');
    const accounts = Number.isInteger(count) && count > 1 ? `${count} ${network} accounts` : network;
    const message =
      Number.isInteger(skipped) && skipped > 0
        ? `${skipped} more ${skipped === 1 ? 'account was' : 'accounts were'} left out: the plan has no room for ${skipped === 1 ? 'it' : 'them'}.`
        : 'It is ready to publish to.';
    return { tone: 'success', title: `Connected ${accounts}`, message };
  }
  const error = search.get('error');
  if (!error) return null;
  const network = networkName(search.get('platform'));
  const words = ERROR_WORDS[error]?.(network) ?? {
    title: `${network} was not connected`,
    message: 'Something went wrong while connecting. Try again.',
  };
  // The network's or the server's own words are more precise than ours, when they came.
  const detail = search.get('message');
  return { tone: 'danger', title: words.title, message: detail ? detail : words.message };
}

/** The query string without the callback's parameters (anything else stays). */
export function withoutCallbackParams(search: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(search);
  for (const name of CALLBACK_PARAMS) rest.delete(name);
  return rest;
}
