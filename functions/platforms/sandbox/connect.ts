import { PlatformError, type AccountProfile, type AppPasswordFlow, type TokenSet } from '../connector';
import { followersAt, normalizeSandboxHandle } from './account';
import { ensureSandboxAccount, type SandboxAccount } from './store';
import { sandboxProfileUrl, type SandboxRuntime } from './runtime';

/** Scopes a sandbox session carries; informative only, the sandbox checks none. */
export const SANDBOX_SCOPES = ['read', 'write'];

/** The sandbox's "token": it only names the account, since the network trusts everyone. */
export const sandboxAccessToken = (handle: string) => `sandbox:${handle}`;

export function sandboxProfile(account: SandboxAccount, base: string, now: Date): AccountProfile {
  return {
    accountId: account.handle,
    name: account.displayName,
    handle: account.handle,
    profileUrl: sandboxProfileUrl(base, account.handle),
    extra: { timeZone: account.timeZone, followers: followersAt(account.followers, account.createdAt, now) },
  };
}

export interface SandboxAccountSettings {
  /** The audience's IANA zone, which drives the activity curve. Default UTC. */
  timeZone?: string;
  followers?: number;
  displayName?: string;
}

/**
 * Connecting needs no credentials: any handle joins the network on first use and any password
 * is accepted, so `connect.login({ identifier: 'ada', password: '' })` works. Connecting
 * again returns the same account. `connectAccount` also sets the account's audience (zone,
 * size) for demos and tests.
 */
export interface SandboxConnectFlow extends AppPasswordFlow {
  connectAccount(
    input: { handle: string } & SandboxAccountSettings,
  ): Promise<{ tokens: TokenSet; profile: AccountProfile }>;
}

export function createSandboxConnectFlow(runtime: SandboxRuntime): SandboxConnectFlow {
  const connect = async (identifier: string, settings: SandboxAccountSettings) => {
    const handle = normalizeSandboxHandle(identifier);
    if (!handle) {
      throw new PlatformError(
        'permanent',
        'Sandbox handles are 1 to 30 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
        { status: 400 },
      );
    }
    if (settings.timeZone !== undefined && !isTimeZone(settings.timeZone)) {
      throw new PlatformError('permanent', `Not an IANA time zone: ${settings.timeZone}`, { status: 400 });
    }
    if (
      settings.followers !== undefined &&
      !(
        Number.isInteger(settings.followers) &&
        settings.followers >= 0 &&
        settings.followers <= 2_000_000_000
      )
    ) {
      throw new PlatformError('permanent', 'Followers must be a whole number of at least 0.', {
        status: 400,
      });
    }
    const now = runtime.context.clock.now();
    const account = await ensureSandboxAccount(await runtime.database(), handle, now, settings);
    return {
      tokens: { accessToken: sandboxAccessToken(handle), scopes: [...SANDBOX_SCOPES] },
      profile: sandboxProfile(account, await runtime.publicUrl(), now),
    };
  };
  return {
    kind: 'app-password',
    login: ({ identifier }) => connect(identifier, {}),
    connectAccount: ({ handle, ...settings }) => connect(handle, settings),
  };
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
