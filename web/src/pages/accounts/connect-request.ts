import type { components } from '../../api/schema.gen';
import type { FieldErrors } from '../../forms/field-errors';
import type { Platform } from '../../publishing/platforms';

export type ConnectRequest = components['schemas']['ConnectSocialAccountRequest'];

/** What the connect forms hold; each network uses some of it. */
export interface ConnectValues {
  /** Bluesky: handle or email; Sandbox: the handle. */
  identifier: string;
  /** Bluesky only. */
  appPassword: string;
  /** Bluesky: another entryway or PDS than bsky.social (optional). */
  service: string;
  /** Mastodon: the instance. */
  serviceUrl: string;
}

export const EMPTY_CONNECT_VALUES: ConnectValues = {
  identifier: '',
  appPassword: '',
  service: '',
  serviceUrl: '',
};

/** Which form a network needs before Plume can connect it. */
export type ConnectForm = 'oauth' | 'server' | 'app-password' | 'handle';

export function connectFormFor(
  platform: Platform,
  connect: 'oauth' | 'app-password' | 'instant',
): ConnectForm {
  if (connect === 'instant') return 'handle';
  if (connect === 'app-password') return 'app-password';
  // Mastodon is OAuth too, but on the user's own server, which Plume must know first.
  return platform === 'mastodon' ? 'server' : 'oauth';
}

const MAX = 255;

/** The checks worth making before asking the server (which checks again, and decides). */
export function connectErrors(form: ConnectForm, values: ConnectValues): FieldErrors {
  const errors: FieldErrors = {};
  const tooLong = (value: string) => value.trim().length > MAX;
  if (form === 'server') {
    if (!values.serviceUrl.trim()) errors.serviceUrl = 'Enter the address of your Mastodon server';
    else if (tooLong(values.serviceUrl)) errors.serviceUrl = `Use at most ${MAX} characters`;
  }
  if (form === 'app-password') {
    if (!values.identifier.trim()) errors.identifier = 'Enter the handle or email of the account';
    else if (tooLong(values.identifier)) errors.identifier = `Use at most ${MAX} characters`;
    if (!values.appPassword) errors.appPassword = 'Enter an app password';
    else if (values.appPassword.length > MAX) errors.appPassword = `Use at most ${MAX} characters`;
    if (tooLong(values.service)) errors.service = `Use at most ${MAX} characters`;
  }
  if (form === 'handle') {
    if (!values.identifier.trim()) errors.identifier = 'Enter a handle';
    else if (tooLong(values.identifier)) errors.identifier = `Use at most ${MAX} characters`;
  }
  return errors;
}

/** The request body for a network's form: only the fields that network reads. */
export function connectRequest(platform: Platform, form: ConnectForm, values: ConnectValues): ConnectRequest {
  if (form === 'server') return { platform, serviceUrl: values.serviceUrl.trim() };
  if (form === 'app-password') {
    const service = values.service.trim();
    return {
      platform,
      identifier: values.identifier.trim().replace(/^@/, ''),
      appPassword: values.appPassword,
      ...(service ? { service } : {}),
    };
  }
  if (form === 'handle') return { platform, identifier: values.identifier.trim() };
  return { platform };
}
