import { PlatformError } from '../connector';
import { linkedinCall, type LinkedInSettings } from './api';

/** `urn:li:geo:103644278` -> `103644278`; undefined for anything else. */
export function geoId(urn: string): string | undefined {
  return /^urn:li:geo:(\d+)$/.exec(urn)?.[1];
}

interface GeoBatch {
  results?: Record<string, { defaultLocalizedName?: { value?: unknown } }>;
}

/**
 * Display names of LinkedIn geo URNs, in one Geo API batch call:
 * `GET /v2/geo?ids=List(103644278,101165590)` answers
 * `{"results":{"103644278":{"defaultLocalizedName":{"locale":{...},"value":"United States"},"id":103644278}},"statuses":{},"errors":{}}`
 * (en_US names when no locale is asked:
 * https://learn.microsoft.com/en-us/linkedin/shared/references/v2/standardized-data/locations/geo).
 * Follower statistics list at most the top 100 values of a facet, so one call covers them.
 *
 * A name is a nicety: a URN LinkedIn does not name, or any refusal other than a token problem,
 * leaves that URN out of the map and the caller keeps the URN itself. Auth errors are thrown:
 * the account needs reconnecting whatever is read.
 */
export async function geoNames(
  settings: LinkedInSettings,
  accessToken: string,
  urns: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(urns.map(geoId).filter((id): id is string => id !== undefined))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  let body: GeoBatch | undefined;
  try {
    const response = await linkedinCall<GeoBatch>(settings, 'naming the followers’ countries', {
      method: 'GET',
      url: `${settings.apiBase}/v2/geo?ids=List(${ids.join(',')})`,
      headers: { authorization: `Bearer ${accessToken}`, 'x-restli-protocol-version': '2.0.0' },
    });
    body = response.body;
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind === 'auth') throw error;
    settings.context.logger.warn('LinkedIn: geo names unavailable; keeping geo URNs', {
      error: error.message,
    });
    return names;
  }
  for (const id of ids) {
    const value = body?.results?.[id]?.defaultLocalizedName?.value;
    if (typeof value === 'string' && value.trim() !== '') names.set(`urn:li:geo:${id}`, value);
  }
  return names;
}
