import * as z from 'zod';
import { PlatformError, type AccountCredentials, type PlatformLimits } from '../connector';
import { accountInstance, mastodonCall, type MastodonRuntime } from './client';

const positive = z.number().int().positive();

/** The parts of the Instance entity that limit a post (https://docs.joinmastodon.org/entities/Instance/). */
const instanceConfiguration = z.object({
  configuration: z
    .object({
      statuses: z
        .object({
          max_characters: positive.optional(),
          max_media_attachments: positive.optional(),
          characters_reserved_per_url: z.number().int().nonnegative().optional(),
        })
        .optional(),
      media_attachments: z
        .object({ image_size_limit: positive.optional(), video_size_limit: positive.optional() })
        .optional(),
    })
    .optional(),
  // Pleroma and Akkoma report the limit here on /api/v1/instance.
  max_toot_chars: positive.optional(),
});

/** Reads an instance's limits from an Instance entity (v2, or v1 from older servers). */
export function limitsFromInstance(body: unknown): Partial<PlatformLimits> {
  const parsed = instanceConfiguration.safeParse(body);
  if (!parsed.success) return {};
  const statuses = parsed.data.configuration?.statuses;
  const media = parsed.data.configuration?.media_attachments;
  const limits: Partial<PlatformLimits> = {};
  const maxCharacters = statuses?.max_characters ?? parsed.data.max_toot_chars;
  if (maxCharacters) limits.maxTextLength = maxCharacters;
  if (statuses?.characters_reserved_per_url !== undefined)
    limits.urlLength = statuses.characters_reserved_per_url;
  if (statuses?.max_media_attachments) limits.maxImages = statuses.max_media_attachments;
  if (media?.image_size_limit) limits.maxImageBytes = media.image_size_limit;
  if (media?.video_size_limit) limits.maxVideoBytes = media.video_size_limit;
  return limits;
}

/** `GET /api/v2/instance` (Mastodon 4.0+), falling back to `/api/v1/instance` on older servers. */
export async function readMastodonLimits(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
): Promise<Partial<PlatformLimits>> {
  const instance = accountInstance(runtime, credentials);
  const call = (path: string) =>
    mastodonCall(runtime, {
      method: 'GET',
      instance,
      path,
      accessToken: credentials.accessToken,
      action: "read the server's limits",
    });
  try {
    return limitsFromInstance((await call('/api/v2/instance')).body);
  } catch (error) {
    if (error instanceof PlatformError && error.details.status === 404) {
      return limitsFromInstance((await call('/api/v1/instance')).body);
    }
    throw error;
  }
}
