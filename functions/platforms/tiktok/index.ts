import { fetchTikTokAccountMetrics } from './account-metrics';
import type { AccountCredentials, Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { tiktokSettings, type TikTokConnectorOptions } from './api';
import { refreshTokens, tiktokOAuthFlow } from './auth';
import { queryCreatorInfo } from './creator-info';
import { fetchPostMetrics } from './metrics';
import { publishPost } from './publish';
import { fetchPublishStatus } from './status';
import { findTikTokPost } from './lookup';

export type { TikTokConnectorOptions } from './api';
export type { CreatorInfo } from './creator-info';
export { TIKTOK_DEFAULT_SCOPES } from './api';
export { TIKTOK_LIMITS, TIKTOK_PRIVACY_LEVELS } from '../../shared/platforms/tiktok/limits';
export { parseTikTokOptions, type TikTokPostOptions } from '../../shared/platforms/tiktok/options';
export type { PublishStatusData } from './status';
export { validateTikTokDraft } from '../../shared/platforms/tiktok/validate';

/**
 * TikTok through the Content Posting API, Direct Post: one video (chunked FILE_UPLOAD) or up to
 * 35 photos (PULL_FROM_URL from a verified domain). Unaudited TikTok apps can only post
 * privately (SELF_ONLY) and for at most 5 creators a day.
 */
export function createTikTokConnector(
  context: ConnectorContext,
  options: TikTokConnectorOptions = {},
): Connector {
  const settings = tiktokSettings(context, options);
  return {
    ...profileParts('tiktok'),
    connect: tiktokOAuthFlow(settings),
    async readLimits(credentials) {
      const creator = await queryCreatorInfo(settings, credentials.accessToken);
      return creator.max_video_post_duration_sec
        ? { maxVideoDurationSeconds: creator.max_video_post_duration_sec }
        : {};
    },
    refresh: (credentials, client) => refreshTokens(settings, credentials, client),
    publish: (credentials, draft) => publishPost(settings, credentials, draft),
    fetchMetrics: (credentials, postIds) => fetchPostMetrics(settings, credentials, postIds),
    fetchAccountMetrics: (credentials) => fetchTikTokAccountMetrics(settings, credentials),
    findPublished: (credentials, query) => findTikTokPost(settings, credentials, query),
  };
}

/** What the creator may post now (privacy levels to offer, interactions turned off, max duration): TikTok requires the post form to show these. */
export function readTikTokCreatorInfo(
  context: ConnectorContext,
  credentials: AccountCredentials,
  options: TikTokConnectorOptions = {},
) {
  return queryCreatorInfo(tiktokSettings(context, options), credentials.accessToken);
}

/** Reconciles a post left `unconfirmed`: the status of a publish_id from an earlier publish. */
export function readTikTokPublishStatus(
  context: ConnectorContext,
  credentials: AccountCredentials,
  publishId: string,
  options: TikTokConnectorOptions = {},
) {
  return fetchPublishStatus(tiktokSettings(context, options), credentials.accessToken, publishId);
}
