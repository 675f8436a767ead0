import { ContainerStore, finished, processing, type StandInContainer } from './meta-graph-containers';
import { graphError, GraphStandIn, type RecordedRequest, type StandInReply } from './meta-graph-stand-in';
import { graphListing, graphTime } from './meta-graph-listing';
import { bearerGuard, LONG_LIVED_SECONDS, routeTokenLadder } from './meta-token-ladder';

export { LONG_LIVED_SECONDS };

export const IG_USER_ID = '17841400000000001';
export const IG_APP = {
  clientId: '990602627938098',
  clientSecret: 'ig-app-secret',
  redirectUri: 'https://plume.example/oauth/instagram/callback',
};
export const IG_CODE = 'AQBx-auth-code';
export const IG_TOKENS = { short: 'IGAA-short', long: 'IGAA-long-lived', refreshed: 'IGAA-refreshed' };

export interface PublishedMedia {
  id: string;
  containerId: string;
  caption?: string;
  publishedAt: Date;
}

/**
 * Instagram API with Instagram Login as documented: Business Login token ladder, media
 * containers (image, REELS, carousel of 2-10), `media_publish`, comments, insights and the
 * content publishing limit. The API lives under `/v25.0`, unversioned token endpoints at the
 * root, the code exchange under `/auth` (api.instagram.com).
 */
export function startInstagramStandIn() {
  const server = new GraphStandIn();
  const store = new ContainerStore((params) => (params.video_url ? processing(1) : finished()));
  const published = new Map<string, PublishedMedia>();
  const comments: { mediaId: string; message: string; id: string }[] = [];
  const state = {
    validToken: IG_TOKENS.long,
    quotaUsage: 3,
    /** The network's clock, for `timestamp` (tests align it with the connector's). */
    now: () => new Date(),
    accountType: 'BUSINESS',
    /** Short-lived token answer; Business Login documents it wrapped in `data: [...]`. */
    tokenAnswer: 'flat' as 'flat' | 'wrapped',
    permissions:
      'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments',
    /** The IG User's counts (fields followers_count, follows_count, media_count). */
    account: { followers_count: 4200, follows_count: 310, media_count: 128 } as Record<string, number>,
    /** The account's insights of the day (metric_type=total_value); undefined: Meta refuses them. */
    accountInsights: { views: 15800, profile_views: 240 } as Record<string, number> | undefined,
    /** follower_demographics by breakdown, as counts; undefined: fewer than 100 followers (refused). */
    demographics: {
      age: { '18-24': 1000, '25-34': 2000, '35-44': 1000 },
      gender: { F: 2520, M: 1470, U: 210 },
      country: { US: 2100, GB: 1050, FR: 1050 },
      city: { 'London, England': 840, 'Paris, Île-de-France': 420 },
    } as Record<string, Record<string, number>> | undefined,
    /** Sent as X-App-Usage on the account's calls, when set. */
    appUsage: undefined as Record<string, number> | undefined,
    metrics: new Map<
      string,
      { like_count: number; comments_count: number; insights?: Record<string, number> }
    >(),
  };

  const authorized = bearerGuard(state);

  function createContainer(owner: string, params: Record<string, string>): StandInReply {
    if (params.media_type === 'CAROUSEL') {
      const children = (params.children ?? '').split(',').filter(Boolean);
      const items = children.map((id) => store.containers.get(id));
      if (
        children.length < 2 ||
        children.length > 10 ||
        items.some((item) => !item || item.params.is_carousel_item !== 'true')
      ) {
        return graphError(400, { message: 'Carousel validation failed', code: 100, error_subcode: 2207028 });
      }
      if (items.some((item) => store.current(item!).state !== 'FINISHED')) {
        return graphError(400, {
          message: 'The media is not ready to be used in a carousel',
          code: 9007,
          error_subcode: 2207027,
        });
      }
    } else if (params.media_type === 'VIDEO' && params.is_carousel_item !== 'true') {
      // Since 2023-07-01 single videos are Reels: VIDEO alone is refused.
      return graphError(400, {
        message: 'The video media type is no longer supported',
        code: 100,
        error_subcode: 2207089,
      });
    } else if (params.media_type === 'REELS' || params.media_type === 'VIDEO') {
      if (!params.video_url)
        return graphError(400, { message: 'The parameter video_url is required', code: 100 });
    } else if (!params.image_url) {
      return graphError(400, { message: 'The parameter image_url is required', code: 100 });
    }
    return { body: { id: store.create(owner, params).id } };
  }

  function publish(owner: string, creationId: string | undefined): StandInReply {
    const container = creationId ? store.containers.get(creationId) : undefined;
    if (!container || container.owner !== owner) {
      return graphError(400, { message: 'Invalid parameter', code: 100, error_subcode: 2207006 });
    }
    const current = store.current(container).state;
    if (current === 'PUBLISHED') {
      return graphError(400, {
        message: 'The media has already been published',
        code: 100,
        error_subcode: 2207008,
      });
    }
    if (current !== 'FINISHED') {
      return graphError(400, { message: 'Media ID is not available', code: 9007, error_subcode: 2207027 });
    }
    store.markPublished(container);
    const media: PublishedMedia = {
      id: `1790000000${published.size + 1}`,
      containerId: container.id,
      caption: container.params.caption,
      publishedAt: state.now(),
    };
    published.set(media.id, media);
    return { body: { id: media.id } };
  }

  function readObject(request: RecordedRequest, id: string): StandInReply {
    const container: StandInContainer | undefined = store.containers.get(id);
    if (container) {
      const { state: code, detail } = store.poll(container);
      return { body: { id, status_code: code, ...(detail ? { status: detail } : {}) } };
    }
    const media = published.get(id);
    if (!media)
      return graphError(400, {
        message: `Unsupported get request. Object with ID '${id}' does not exist`,
        code: 100,
        error_subcode: 33,
      });
    const fields = request.query.fields ?? '';
    if (fields.includes('permalink'))
      return { body: { id, permalink: `https://www.instagram.com/p/${id}/` } };
    const counts = state.metrics.get(id) ?? { like_count: 0, comments_count: 0 };
    return {
      body: {
        id,
        like_count: counts.like_count,
        comments_count: counts.comments_count,
        media_product_type: 'FEED',
      },
    };
  }

  server.route('POST', /^\/auth\/oauth\/access_token$/, (request) => {
    const form = request.form;
    if (
      form.client_id !== IG_APP.clientId ||
      form.client_secret !== IG_APP.clientSecret ||
      form.code !== IG_CODE
    ) {
      return {
        status: 400,
        body: { error_type: 'OAuthException', code: 400, error_message: 'Invalid authorization code' },
      };
    }
    if (form.grant_type !== 'authorization_code' || form.redirect_uri !== IG_APP.redirectUri) {
      return {
        status: 400,
        body: {
          error_type: 'OAuthException',
          code: 400,
          error_message: 'Error validating verification code',
        },
      };
    }
    // The numeric user_id exceeds 2^53: JSON.parse would change its last digits.
    const fields = `"access_token":"${IG_TOKENS.short}","user_id":${IG_USER_ID},"permissions":"${state.permissions}"`;
    return { body: state.tokenAnswer === 'flat' ? `{${fields}}` : `{"data":[{${fields}}]}` };
  });
  routeTokenLadder(
    server,
    {
      exchangeGrant: 'ig_exchange_token',
      refreshGrant: 'ig_refresh_token',
      clientSecret: IG_APP.clientSecret,
      tokens: IG_TOKENS,
      refusedExchange: graphError(400, { message: 'Invalid OAuth access token', code: 190 }),
    },
    state,
  );
  const usageHeaders = (): Record<string, string> | undefined =>
    state.appUsage ? { 'x-app-usage': JSON.stringify(state.appUsage) } : undefined;
  // The IG User itself (before the media routes, which match any numeric id).
  server
    .route(
      'GET',
      new RegExp(`^/v25\\.0/${IG_USER_ID}$`),
      authorized((request) => {
        const fields = (request.query.fields ?? '').split(',');
        return {
          headers: usageHeaders(),
          body: {
            id: IG_USER_ID,
            ...Object.fromEntries(Object.entries(state.account).filter(([name]) => fields.includes(name))),
          },
        };
      }),
    )
    .route(
      'GET',
      new RegExp(`^/v25\\.0/${IG_USER_ID}/insights$`),
      authorized((request) => {
        const metric = request.query.metric ?? '';
        if (metric === 'follower_demographics') {
          const breakdown = request.query.breakdown ?? '';
          if (
            request.query.metric_type !== 'total_value' ||
            !['age', 'gender', 'country', 'city'].includes(breakdown)
          )
            return graphError(400, { message: '(#100) Incompatible breakdown', code: 100 });
          if (!state.demographics)
            return graphError(400, {
              message: '(#100) Not enough followers: demographics need at least 100 followers',
              code: 100,
            });
          const counts = state.demographics[breakdown] ?? {};
          return {
            headers: usageHeaders(),
            body: {
              data: [
                {
                  name: 'follower_demographics',
                  period: 'lifetime',
                  title: 'Follower demographics',
                  total_value: {
                    breakdowns: [
                      {
                        dimension_keys: [breakdown],
                        results: Object.entries(counts).map(([bucket, value]) => ({
                          dimension_values: [bucket],
                          value,
                        })),
                      },
                    ],
                  },
                  id: `${IG_USER_ID}/insights/follower_demographics/lifetime`,
                },
              ],
            },
          };
        }
        const insights = state.accountInsights;
        if (!insights)
          return graphError(403, {
            message: '(#10) Application does not have permission for this action',
            code: 10,
          });
        if (request.query.metric_type !== 'total_value' || request.query.period !== 'day')
          return graphError(400, { message: '(#100) metric_type=total_value is required', code: 100 });
        return {
          headers: usageHeaders(),
          body: {
            data: metric
              .split(',')
              .filter((name) => name in insights)
              .map((name) => ({
                name,
                period: 'day',
                total_value: { value: insights[name] },
                id: `${IG_USER_ID}/insights/${name}/day`,
              })),
          },
        };
      }),
    );
  server
    .route(
      'GET',
      /^\/v25\.0\/me$/,
      authorized(() => ({
        body: {
          id: '7360000000000001',
          user_id: IG_USER_ID,
          username: 'plume.studio',
          name: 'Plume Studio',
          profile_picture_url: 'https://scontent.cdninstagram.com/plume.jpg',
          account_type: state.accountType,
        },
      })),
    )
    .route(
      'POST',
      /^\/v25\.0\/(\d+)\/media$/,
      authorized((request, match) => createContainer(match[1]!, request.form)),
    )
    .route(
      'GET',
      /^\/v25\.0\/(\d+)\/media$/,
      authorized((request, match) =>
        match[1] !== IG_USER_ID
          ? graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 })
          : graphListing(
              request,
              [...published.values()].map((media) => ({
                id: media.id,
                at: media.publishedAt,
                caption: media.caption,
                timestamp: graphTime(media.publishedAt),
                permalink: `https://www.instagram.com/p/${media.id}/`,
              })),
              // The media edge pages by cursor only: no since/until.
              { timeBounds: false },
            ),
      ),
    )
    .route(
      'POST',
      /^\/v25\.0\/(\d+)\/media_publish$/,
      authorized((request, match) => publish(match[1]!, request.form.creation_id)),
    )
    .route(
      'GET',
      /^\/v25\.0\/(\d+)\/content_publishing_limit$/,
      authorized(() => ({
        body: {
          data: [{ quota_usage: state.quotaUsage, config: { quota_total: 50, quota_duration: 86400 } }],
        },
      })),
    )
    .route(
      'GET',
      /^\/v25\.0\/(\d+)\/insights$/,
      authorized((request, match) => {
        const insights = state.metrics.get(match[1]!)?.insights;
        if (!insights)
          return graphError(400, {
            message: '(#10) Not enough viewers for the media to show insights',
            code: 10,
          });
        const names = (request.query.metric ?? '').split(',');
        return {
          body: {
            data: names
              .filter((name) => name in insights)
              .map((name) => ({
                name,
                period: 'lifetime',
                values: [{ value: insights[name] }],
                id: `${match[1]}/insights/${name}/lifetime`,
              })),
          },
        };
      }),
    )
    .route(
      'POST',
      /^\/v25\.0\/(\d+)\/comments$/,
      authorized((request, match) => {
        const comment = {
          mediaId: match[1]!,
          message: request.form.message ?? '',
          id: `1800000000${comments.length + 1}`,
        };
        comments.push(comment);
        return { body: { id: comment.id } };
      }),
    )
    .route(
      'GET',
      /^\/v25\.0\/(\d+)$/,
      authorized((request, match) => readObject(request, match[1]!)),
    );

  return { server, store, published, comments, state };
}

export function instagramEndpoints(baseUrl: string): Record<string, string> {
  return { api: `${baseUrl}/v25.0`, graph: baseUrl, auth: `${baseUrl}/auth` };
}
