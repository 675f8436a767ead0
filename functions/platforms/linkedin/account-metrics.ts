import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics } from '../connector';
import { readRateLimit } from '../rate-limit-headers';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { authorKind, authorUrn } from './urn';

/** Why a member account has no follower figure (shown where the figure would be). */
export const LINKEDIN_MEMBER_FOLLOWERS_REASON =
  "LinkedIn gives a member's follower count only to apps with Community Management partner access, which Plume's LinkedIn app does not have.";

/**
 * A Page's followers: `GET /rest/networkSizes/{organization urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`
 * answers `{"firstDegreeSize": n}` (Organization Lookup API, "Retrieve Organization Follower
 * Count": https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api).
 * A member account (`urn:li:person:*`) makes no call: its followers are null with
 * LINKEDIN_MEMBER_FOLLOWERS_REASON. Following, posts and daily figures are null with the
 * profile's reasons (functions/shared/platforms/linkedin/profile.ts).
 */
export async function fetchLinkedInAccountMetrics(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const source = platformProfile('linkedin').accountMetrics.source;
  const author = authorUrn(credentials);
  if (authorKind(author) !== 'organization') {
    return {
      unavailable: { followers: LINKEDIN_MEMBER_FOLLOWERS_REASON },
      source,
      fetchedAt: settings.context.clock.now(),
    };
  }
  const response = await linkedinCall<{ firstDegreeSize?: unknown }>(
    settings,
    "reading the Page's followers",
    {
      method: 'GET',
      url: `${settings.apiBase}/rest/networkSizes/${encodeURIComponent(author)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`,
      headers: restHeaders(settings, credentials.accessToken),
    },
  );
  const size = response.body?.firstDegreeSize;
  const now = settings.context.clock.now();
  return {
    followers: typeof size === 'number' && Number.isInteger(size) && size >= 0 ? size : undefined,
    source,
    fetchedAt: now,
    // LinkedIn sends no allowance headers today (readRateLimit gives undefined); kept so a
    // reading appears here the day it does, as for the other networks.
    rateLimit: readRateLimit('linkedin', response.headers, now),
  };
}
