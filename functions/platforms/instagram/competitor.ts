import * as z from 'zod';
import { PlatformError, type ConnectorContext } from '../connector';
import {
  COMPETITOR_IMPRESSIONS_UNAVAILABLE,
  type CompetitorPostReading,
  type CompetitorReader,
} from '../competitor-reader';
import { graphRequest } from '../meta-graph/graph-request';
import type { InstagramEndpoints } from './endpoints';

const media = z.object({
  id: z.string(),
  caption: z.string().optional(),
  // Absent when the owner hides like counts.
  like_count: z.number().int().nonnegative().optional(),
  comments_count: z.number().int().nonnegative().optional(),
  timestamp: z.string(),
  permalink: z.string().optional(),
});

const discovery = z.object({
  business_discovery: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string().optional(),
    profile_picture_url: z.string().optional(),
    followers_count: z.number().int().nonnegative().optional(),
    media_count: z.number().int().nonnegative().optional(),
    media: z.object({ data: z.array(media) }).optional(),
  }),
});

/** Business Discovery nests one page of media; 50 newest posts cover weeks for most accounts. */
const MEDIA_PAGE = 50;

const SHARES_UNAVAILABLE =
  'Instagram shows no share counts of other accounts’ posts (Business Discovery has none).';
const LIKES_HIDDEN = 'This account hides its like counts.';

/** Instagram user names: letters, digits, periods and underscores, up to 30. */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/**
 * An Instagram professional account read through Business Discovery
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/business-discovery):
 * `GET /{ig-user-id}?fields=business_discovery.username(<handle>){...}` asked as one of the
 * organization's own connected professional accounts (`via`). Personal accounts and age-gated
 * ones are not returned. Meta documents the call on the Facebook Login flavour of the API;
 * Plume asks the host its Instagram connector uses (`endpoints.api`), so a token that host
 * refuses for this field comes back as Meta's own message.
 */
export function instagramCompetitorReader(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
): CompetitorReader {
  return {
    platform: 'instagram',
    needsConnectedAccount: true,
    async read(target, { since, maxPosts, via }) {
      if (!via) {
        throw new PlatformError(
          'permanent',
          'Instagram competitors are read through one of your connected Instagram professional accounts: connect one first',
        );
      }
      const username = target.handle.trim().replace(/^@/, '').toLowerCase();
      if (!USERNAME.test(username)) {
        throw new PlatformError('permanent', `Instagram: "${target.handle}" is not an Instagram user name`);
      }
      const fields =
        `business_discovery.username(${username}){id,username,name,profile_picture_url,followers_count,media_count,` +
        `media.limit(${Math.min(MEDIA_PAGE, maxPosts)}){id,caption,like_count,comments_count,timestamp,permalink}}`;
      const answer = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/${encodeURIComponent(via.accountId)}`,
        accessToken: via.accessToken,
        query: { fields },
        schema: discovery,
      }).catch((error: unknown) => {
        if (error instanceof PlatformError && error.kind === 'permanent') {
          throw new PlatformError(
            'permanent',
            `Instagram: @${username} could not be read; only public Business and Creator accounts can be tracked (Meta: ${error.message})`,
            error.details,
          );
        }
        throw error;
      });
      const found = answer.business_discovery;
      const posts: CompetitorPostReading[] = [];
      let likesHidden = false;
      for (const item of found.media?.data ?? []) {
        const publishedAt = new Date(item.timestamp);
        if (Number.isNaN(publishedAt.getTime()) || publishedAt < since) continue;
        if (posts.length >= maxPosts) break;
        if (item.like_count === undefined) likesHidden = true;
        posts.push({
          externalId: item.id,
          text: item.caption ?? '',
          url: item.permalink ?? null,
          publishedAt,
          likes: item.like_count ?? null,
          comments: item.comments_count ?? null,
          shares: null,
        });
      }
      return {
        profile: {
          platformAccountId: found.id,
          handle: found.username,
          name: found.name || null,
          avatarUrl: found.profile_picture_url ?? null,
          profileUrl: `https://www.instagram.com/${found.username}/`,
          serviceUrl: null,
          followers: found.followers_count ?? null,
          postsCount: found.media_count ?? null,
        },
        posts,
        unavailable: {
          impressions: COMPETITOR_IMPRESSIONS_UNAVAILABLE,
          shares: SHARES_UNAVAILABLE,
          ...(likesHidden ? { likes: LIKES_HIDDEN } : {}),
        },
        source: 'Instagram Graph API (Business Discovery)',
      };
    },
  };
}
