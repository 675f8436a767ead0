import type { AccountCredentials, ConnectorContext, MediaItem } from '../../../functions/platforms/connector';
import { VALID_TOKEN, type LinkedInStandin } from './linkedin-standin';

export const NOW = new Date('2026-11-26T12:00:00.000Z');

export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra: object[];
}

/** A connector context pointed at the stand-in, with a fixed clock and a recording logger. */
export function linkedinTestContext(
  standin: LinkedInStandin,
  timeoutMs = 2_000,
): ConnectorContext & { logs: CapturedLog[] } {
  const logs: CapturedLog[] = [];
  const log =
    (level: CapturedLog['level']) =>
    (message: string, ...extra: object[]) =>
      logs.push({ level, message, extra });
  return {
    fetch: globalThis.fetch,
    clock: { now: () => NOW },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    endpoints: { api: standin.url, auth: standin.url },
    timeoutMs,
    logs,
  };
}

export function memberCredentials(overrides: Partial<AccountCredentials> = {}): AccountCredentials {
  return {
    accountId: 'urn:li:person:abc123',
    accessToken: VALID_TOKEN,
    scopes: ['openid', 'profile', 'w_member_social'],
    ...overrides,
  };
}

/** Registers `bytes` as a Plume media file on the stand-in and describes it. */
export function mediaFile(
  standin: LinkedInStandin,
  name: string,
  bytes: Buffer,
  item: Partial<MediaItem> = {},
): MediaItem {
  standin.media.set(name, bytes);
  return {
    id: name,
    kind: 'image',
    mimeType: 'image/png',
    bytes: bytes.length,
    url: `${standin.url}/media/${name}`,
    ...item,
  };
}
