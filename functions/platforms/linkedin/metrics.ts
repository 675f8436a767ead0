import type { AccountCredentials, PostMetrics } from '../connector';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { authorKind, authorUrn, urnType } from './urn';

interface ShareStatistics {
  impressionCount?: number;
  uniqueImpressionsCount?: number;
  clickCount?: number;
  likeCount?: number;
  commentCount?: number;
  shareCount?: number;
}

interface ShareStatisticsElement {
  share?: string;
  ugcPost?: string;
  totalShareStatistics?: ShareStatistics;
}

interface MemberAnalyticsElement {
  count?: number;
}

/** Posts per organizationalEntityShareStatistics call (Rest.li list parameters stay short). */
const STATISTICS_BATCH = 20;
const MEMBER_METRICS = ['IMPRESSION', 'MEMBERS_REACHED', 'REACTION', 'COMMENT', 'RESHARE'] as const;
type MemberMetric = (typeof MEMBER_METRICS)[number];

const restliList = (urns: string[]) => `List(${urns.map(encodeURIComponent).join(',')})`;

/**
 * Organization posts: lifetime statistics per share / ugcPost (needs r_organization_social).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 */
async function organizationMetrics(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  organization: string,
  postUrns: string[],
): Promise<PostMetrics[]> {
  const results: PostMetrics[] = [];
  for (let start = 0; start < postUrns.length; start += STATISTICS_BATCH) {
    const batch = postUrns.slice(start, start + STATISTICS_BATCH);
    const shares = batch.filter((urn) => urnType(urn) === 'share');
    const ugcPosts = batch.filter((urn) => urnType(urn) === 'ugcPost');
    if (shares.length === 0 && ugcPosts.length === 0) continue;
    const query = [
      'q=organizationalEntity',
      `organizationalEntity=${encodeURIComponent(organization)}`,
      ...(shares.length ? [`shares=${restliList(shares)}`] : []),
      ...(ugcPosts.length ? [`ugcPosts=${restliList(ugcPosts)}`] : []),
    ].join('&');
    const response = await linkedinCall<{ elements?: ShareStatisticsElement[] }>(
      settings,
      'reading post statistics',
      {
        method: 'GET',
        url: `${settings.apiBase}/rest/organizationalEntityShareStatistics?${query}`,
        headers: restHeaders(settings, credentials.accessToken),
      },
    );
    const fetchedAt = settings.context.clock.now();
    for (const element of response.body?.elements ?? []) {
      const urn = element.share ?? element.ugcPost;
      const stats = element.totalShareStatistics;
      if (!urn || !stats) continue;
      results.push({
        platformPostId: urn,
        impressions: stats.impressionCount,
        reach: stats.uniqueImpressionsCount,
        clicks: stats.clickCount,
        likes: stats.likeCount,
        comments: stats.commentCount,
        shares: stats.shareCount,
        fetchedAt,
      });
    }
  }
  return results;
}

/**
 * Member posts: memberCreatorPostAnalytics, one metric per call (needs r_member_postAnalytics).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics
 */
async function memberMetrics(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  postUrns: string[],
): Promise<PostMetrics[]> {
  const results: PostMetrics[] = [];
  for (const urn of postUrns) {
    const type = urnType(urn);
    if (type !== 'share' && type !== 'ugcPost') continue;
    const counts: Partial<Record<MemberMetric, number>> = {};
    for (const metric of MEMBER_METRICS) {
      const query = `q=entity&entity=(${type}:${encodeURIComponent(urn)})&queryType=${metric}&aggregation=TOTAL`;
      const response = await linkedinCall<{ elements?: MemberAnalyticsElement[] }>(
        settings,
        'reading post statistics',
        {
          method: 'GET',
          url: `${settings.apiBase}/rest/memberCreatorPostAnalytics?${query}`,
          headers: restHeaders(settings, credentials.accessToken),
        },
      );
      counts[metric] = (response.body?.elements ?? []).reduce(
        (sum, element) => sum + (element.count ?? 0),
        0,
      );
    }
    results.push({
      platformPostId: urn,
      impressions: counts.IMPRESSION,
      reach: counts.MEMBERS_REACHED,
      likes: counts.REACTION,
      comments: counts.COMMENT,
      shares: counts.RESHARE,
      fetchedAt: settings.context.clock.now(),
    });
  }
  return results;
}

export async function fetchPostMetrics(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  postUrns: string[],
): Promise<PostMetrics[]> {
  const author = authorUrn(credentials);
  return authorKind(author) === 'organization'
    ? organizationMetrics(settings, credentials, author, postUrns)
    : memberMetrics(settings, credentials, postUrns);
}
