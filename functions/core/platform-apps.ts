import { z } from 'zod';
import type { Secrets } from './ports';

/**
 * The operator's own developer-app credentials for each network, kept in one JSON secret
 * (`platform-apps`: Secrets Manager in AWS; PLATFORM_APPS or .data/secrets.json locally).
 * A network without an entry cannot be connected; the dashboard says so and links the docs.
 */
const oauthApp = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
});

export const platformAppsSchema = z
  .object({
    twitter: oauthApp.extend({
      consumerSecret: z.string().min(1).optional().describe('For CRC and webhook signatures'),
    }),
    linkedin: oauthApp,
    facebook: oauthApp.extend({
      appSecret: z.string().min(1),
      webhookVerifyToken: z.string().min(1).optional(),
    }),
    instagram: oauthApp.extend({ appSecret: z.string().min(1) }),
    threads: oauthApp.extend({ appSecret: z.string().min(1) }),
    tiktok: oauthApp,
    /** Mastodon registers an app per instance at connect time; nothing is needed up front. */
  })
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
