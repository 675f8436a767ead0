import type { MastodonApp, MastodonOAuthFlow } from '../../platforms/mastodon';
import { normalizeInstanceUrl } from '../../platforms/mastodon';
import type { Clock, KeyValue } from '../ports';

/** Registrations are reused for a month, so connecting many accounts of one server registers once. */
const APP_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * Plume's app on a Mastodon instance: each instance is its own OAuth server, so Plume
 * registers itself there (POST /api/v1/apps) and reuses that registration per redirect URI.
 */
export async function mastodonAppFor(
  kv: KeyValue,
  clock: Clock,
  flow: MastodonOAuthFlow,
  input: { serviceUrl: string; redirectUri: string },
): Promise<MastodonApp> {
  // Only the cache key: the connector itself refuses private addresses when registering.
  const instance = normalizeInstanceUrl(input.serviceUrl, { allowPrivate: true });
  const pk = `mastodon-app#${instance}`;
  const cached = await kv.get<MastodonApp>(pk, input.redirectUri);
  if (cached) return cached.value;
  const app = await flow.registerApp({ serviceUrl: instance, redirectUri: input.redirectUri });
  await kv.put({
    pk,
    sk: input.redirectUri,
    value: app,
    expiresAt: Math.floor(clock.now().getTime() / 1000) + APP_TTL_SECONDS,
  });
  return app;
}
