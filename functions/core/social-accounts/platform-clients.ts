import type { OAuthClient, Platform } from '../../platforms/connector';
import { platformProfile } from '../../shared/platforms/catalog';
import { loadPlatformApps, type PlatformApps } from '../platform-apps';
import type { Secrets } from '../ports';

/** Where a network sends the user back after its consent page (registered with the network). */
export function oauthRedirectUri(publicUrl: string, platform: Platform): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/social-accounts/callback/${platform}`;
}

export type PlatformClient =
  { configured: true; client?: OAuthClient } | { configured: false; missing: string[] };

/**
 * The operator's OAuth client for a network, from the platform-apps secret. Networks that need
 * none (Bluesky, Mastodon, Sandbox) are always configured and have no client here.
 */
export function platformClient(apps: PlatformApps, platform: Platform, publicUrl: string): PlatformClient {
  // The settings the network needs in the secret before it can be connected, from its profile.
  const required = platformProfile(platform).app?.requiredToConnect;
  if (!required) return { configured: true };
  const entry = (apps as Record<string, Record<string, string | undefined> | undefined>)[platform] ?? {};
  const missing = required.filter((key) => !entry[key]).map((key) => `${platform}.${key}`);
  if (missing.length > 0) return { configured: false, missing };
  return {
    configured: true,
    client: {
      clientId: entry.clientId as string,
      // Meta's apps authenticate with the app secret; the others with a client secret.
      clientSecret: entry.clientSecret ?? entry.appSecret,
      redirectUri: oauthRedirectUri(publicUrl, platform),
    },
  };
}

export async function loadPlatformClient(
  secrets: Secrets,
  platform: Platform,
  publicUrl: string,
): Promise<PlatformClient> {
  return platformClient(await loadPlatformApps(secrets), platform, publicUrl);
}
