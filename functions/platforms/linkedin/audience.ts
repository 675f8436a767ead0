import {
  noAudience,
  sharesOf,
  type AudienceDemographics,
  type AudienceDimension,
  type UnavailableAudience,
} from '../../shared/analytics/account-metrics';
import { platformProfile } from '../../shared/platforms/catalog';
import { PlatformError, type AccountCredentials, type AudienceReading } from '../connector';
import { countryCodeOfName } from '../../shared/analytics/country-codes';
import { readRateLimit } from '../rate-limit-headers';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { geoNames } from './geo-names';
import { authorKind, authorUrn } from './urn';

/** Why a member account has no audience (every dimension). */
export const LINKEDIN_MEMBER_AUDIENCE_REASON =
  "LinkedIn gives follower demographics only for Pages (Organization Follower Statistics); it offers none for a member's profile.";

/** One entry of a facet list: `{"geo":"urn:li:geo:103644278","followerCounts":{"organicFollowerCount":812,"paidFollowerCount":0}}`. */
type FacetEntry = Record<string, unknown> & { followerCounts?: { organicFollowerCount?: unknown } };

interface FollowerStatistics {
  elements?: Record<string, unknown>[];
}

/**
 * The facets Plume keeps, each as LinkedIn names its list and the entry's key. Not kept:
 * `followerCountsByGeo` (LinkedIn's market areas, e.g. "Greater London", which are neither
 * countries nor cities), `followerCountsByStaffCountRange` and `followerCountsByAssociationType`
 * (no Plume dimension).
 */
const FACETS = [
  { dimension: 'country', list: 'followerCountsByGeoCountry', key: 'geo', noun: 'country' },
  { dimension: 'function', list: 'followerCountsByFunction', key: 'function', noun: 'job function' },
  { dimension: 'seniority', list: 'followerCountsBySeniority', key: 'seniority', noun: 'seniority' },
  { dimension: 'industry', list: 'followerCountsByIndustry', key: 'industry', noun: 'industry' },
] as const satisfies readonly { dimension: AudienceDimension; list: string; key: string; noun: string }[];

/** Facet URN -> organic follower count, the entries LinkedIn sent with a usable count. */
function countsOf(element: Record<string, unknown>, list: string, key: string): Map<string, number> {
  const counts = new Map<string, number>();
  const entries = element[list];
  if (!Array.isArray(entries)) return counts;
  for (const entry of entries as FacetEntry[]) {
    const urn = entry?.[key];
    const count = entry?.followerCounts?.organicFollowerCount;
    if (typeof urn !== 'string' || typeof count !== 'number' || !Number.isFinite(count)) continue;
    counts.set(urn, (counts.get(urn) ?? 0) + count);
  }
  return counts;
}

/**
 * A country as the other networks give it, an ISO code (`US`), from the Geo API's English name;
 * the name where it is not one ICU knows, and the URN where LinkedIn named nothing.
 */
function countryKey(urn: string, name: string | undefined): string {
  return name === undefined ? urn : (countryCodeOfName(name) ?? name);
}

/**
 * Who follows a Page: its lifetime follower statistics,
 * `GET /rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity={urn}`
 * (Community Management API, `rw_organization_admin`, the member an ADMINISTRATOR of the Page:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 * Without `timeIntervals` LinkedIn answers one element with a list per facet, the top 100 values
 * each; "demographic results are rolled up as a total of both organic and paid followers in the
 * organicFollowerCount field. Do not refer to the paidFollowerCount field", so only that count
 * is read. Shares are of the followers LinkedIn places in the facet (members without the
 * attribute, and values past the top 100, are not in it).
 *
 * Keys: countries are named through the Geo API (geo-names.ts; a geo URN LinkedIn does not name
 * stays the URN). Functions, seniorities and industries stay their URNs (`urn:li:function:8`):
 * naming them costs a standardized-data call each, and industries follow LinkedIn's versioned
 * taxonomy, so Plume keeps the identifier LinkedIn gives rather than a name that could drift.
 *
 * A member account (`urn:li:person:*`) makes no call. A refusal (403: not an administrator, no
 * Community Management access) becomes the reason of the four dimensions; auth, throttle and
 * server errors are thrown, as for every sync call.
 */
export async function fetchLinkedInAudience(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
): Promise<AudienceReading> {
  const profile = platformProfile('linkedin').accountMetrics.audience;
  const source = profile.source ?? 'LinkedIn API, organizationalEntityFollowerStatistics';
  const author = authorUrn(credentials);
  if (authorKind(author) !== 'organization') {
    return {
      demographics: {},
      unavailable: noAudience(LINKEDIN_MEMBER_AUDIENCE_REASON),
      source,
      fetchedAt: settings.context.clock.now(),
    };
  }
  const demographics: AudienceDemographics = {};
  const unavailable: UnavailableAudience = { ...profile.unavailable };
  let response;
  try {
    response = await linkedinCall<FollowerStatistics>(settings, "reading the Page's follower statistics", {
      method: 'GET',
      url: `${settings.apiBase}/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(author)}`,
      headers: restHeaders(settings, credentials.accessToken),
    });
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
    for (const facet of FACETS) unavailable[facet.dimension] = error.message;
    return { demographics, unavailable, source, fetchedAt: settings.context.clock.now() };
  }
  const element = response.body?.elements?.[0];
  const counts = new Map(
    FACETS.map((facet) => [facet.dimension, element ? countsOf(element, facet.list, facet.key) : new Map()]),
  );
  const names = await geoNames(settings, credentials.accessToken, [...(counts.get('country')?.keys() ?? [])]);
  for (const facet of FACETS) {
    const byKey: Record<string, number> = {};
    for (const [urn, count] of counts.get(facet.dimension) ?? []) {
      const key = facet.dimension === 'country' ? countryKey(urn, names.get(urn)) : urn;
      byKey[key] = (byKey[key] ?? 0) + count;
    }
    const shares = sharesOf(byKey);
    if (Object.keys(shares).length > 0) demographics[facet.dimension] = shares;
    else
      unavailable[facet.dimension] = element
        ? `LinkedIn returned no followers by ${facet.noun} for this Page.`
        : 'LinkedIn returned no follower statistics for this Page.';
  }
  const now = settings.context.clock.now();
  return {
    demographics,
    unavailable,
    source,
    fetchedAt: now,
    // LinkedIn sends no allowance headers today (undefined), as for networkSizes.
    rateLimit: readRateLimit('linkedin', response.headers, now),
  };
}
