import * as z from 'zod';
import {
  PLATFORM_IDS,
  platformProfile,
  type Platform,
  type PLATFORM_CATALOG,
} from '../shared/platforms/catalog';
import type { Secrets } from './ports';

/** The networks whose profile names developer-app settings, each with its settings' schema. */
type AppSchemas = {
  [
    P in Platform as (typeof PLATFORM_CATALOG)[P] extends { app: unknown } ? P : never
  ]: (typeof PLATFORM_CATALOG)[P] extends {
    app: { schema: infer Schema };
  }
    ? Schema
    : never;
};

/**
 * The operator's own developer-app credentials for each network, kept in one JSON secret
 * (`platform-apps`: Secrets Manager in AWS; PLATFORM_APPS or .data/secrets.json locally),
 * one entry per network whose profile names app settings (Mastodon registers an app per
 * instance at connect time; Bluesky and the Sandbox need none). A network without an entry
 * cannot be connected; the dashboard says so and links the docs.
 */
export const platformAppsSchema = z
  .object(
    Object.fromEntries(
      PLATFORM_IDS.flatMap((platform) => {
        const app = platformProfile(platform).app;
        return app ? [[platform, app.schema]] : [];
      }),
    ) as AppSchemas,
  )
  .partial();

export type PlatformApps = z.infer<typeof platformAppsSchema>;

/** Reads and validates the secret; a malformed value is an operator error named clearly. */
export async function loadPlatformApps(secrets: Secrets): Promise<PlatformApps> {
  let raw: string;
  try {
    raw = await secrets.get('platform-apps');
  } catch {
    return {};
  }
  if (raw === 'REPLACE_ME' || raw.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('The platform-apps secret is not valid JSON');
  }
  const parsed = platformAppsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `The platform-apps secret is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
