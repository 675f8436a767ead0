import {
  bearer,
  graphError,
  GraphStandIn,
  INVALID_TOKEN,
  type RecordedRequest,
  type StandInReply,
} from './meta-graph-stand-in';
import { graphListing, graphTime } from './meta-graph-listing';

export const FB_APP = {
  clientId: '1100000000000001',
  clientSecret: 'fb-app-secret',
  redirectUri: 'https://plume.example/oauth/facebook/callback',
};
export const FB_CODE = 'AQCfb-code';
export const FB_VERIFIER = 'verifier-0123456789-0123456789-0123456789';
export const FB_TOKENS = {
  short: 'EAAshort',
  long: 'EAAlong-lived-user',
  pageA: 'EAApage-a',
  pageB: 'EAApage-b',
  pageC: 'EAApage-c',
};
export const PAGE_A = '101000000000001';
export const PAGE_B = '101000000000002';
export const PAGE_C = '101000000000003';
export const PHOTO_BYTES = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

/**
 * Page insights Meta retired for all API versions: the demographics of 2024-03-14 and the fans
 * metrics of 2025-11-15 (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics).
 */
export const RETIRED_PAGE_METRICS = [
  'page_fans_gender_age',
  'page_follows_gender_age',
  'page_follows_locale',
  'page_fans',
  'page_fans_locale',
  'page_fans_city',
  'page_fans_country',
];

/** A Page's followers by country and city, as the lifetime breakdowns answer them. */
export const FOLLOWER_BREAKDOWNS: Record<string, Record<string, number>> = {
  page_follows_country: { FR: 1200, BE: 500, CA: 300 },
  page_follows_city: {
    'Paris, Île-de-France, France': 900,
    'Brussels, Brussels, Belgium': 300,
    'Montreal, Quebec, Canada': 300,
  },
};

interface Page {
  id: string;
  name: string;
  access_token: string;
  tasks: string[];
  username?: string;
}

export interface FeedPost {
  id: string;
  pageId: string;
  form: Record<string, string>;
  createdAt: Date;
}

/**
 * Facebook Login and the Pages API as documented: the token ladder (code with PKCE, then
 * `fb_exchange_token`), `/me/permissions`, `/me/accounts` in cursor pages, unpublished photo
 * uploads (multipart `source`), `/feed` with `attached_media`, videos on the graph-video
 * host, comments, and post/video insights. Graph lives under `/v25.0`, video under
 * `/video/v25.0`, and media files are served from `/media/*` for the connector to fetch.
 */
export function startFacebookStandIn() {
  const server = new GraphStandIn();
  const pages: Page[] = [
    {
      id: PAGE_A,
      name: 'Plume Bakery',
      access_token: FB_TOKENS.pageA,
      tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
      username: 'plumebakery',
    },
    { id: PAGE_B, name: 'Plume Analytics (read only)', access_token: FB_TOKENS.pageB, tasks: ['ANALYZE'] },
    { id: PAGE_C, name: 'Plume Café', access_token: FB_TOKENS.pageC, tasks: ['CREATE_CONTENT', 'MODERATE'] },
  ];
  const photos = new Map<string, { pageId: string; published: string; bytes: Buffer; type: string }>();
  const posts = new Map<string, FeedPost>();
  const videos = new Map<string, { pageId: string; form: Record<string, string> }>();
  const comments: { objectId: string; message: string; id: string }[] = [];
  const state = {
    granted: [
      'pages_show_list',
      'pages_read_engagement',
      'pages_manage_posts',
      'pages_manage_engagement',
      'read_insights',
      'publish_video',
    ],
    pages,
    /** The network's clock, for `created_time` (tests align it with the connector's). */
    now: () => new Date(),
    counts: new Map<
      string,
      { reactions: number; comments: number; shares?: number; insights?: Record<string, number> }
    >(),
    /** Page fields (followers_count, fan_count) by Page id. */
    pageFields: new Map<string, Record<string, number>>([
      [PAGE_A, { followers_count: 2048, fan_count: 1990 }],
    ]),
    /** The Page's insights by metric (period=day); undefined: Meta refuses them (an invalid metric). */
    pageInsights: { page_views_total: 57 } as Record<string, number> | undefined,
    /** Sent as X-Business-Use-Case-Usage on the Page's calls, when set. */
    businessUsage: undefined as Record<string, number> | undefined,
    /**
     * The Page's lifetime follower breakdowns (page_follows_country by ISO code, page_follows_city
     * by "City, Region, Country"); a metric set to undefined answers as retired (#100).
     */
    followerBreakdowns: { ...FOLLOWER_BREAKDOWNS } as Record<string, Record<string, number> | undefined>,
  };
  let sequence = 0;
  const nextId = () => `${(sequence += 1)}`.padStart(6, '0');

  const pageToken = (pageId: string) => pages.find((page) => page.id === pageId)?.access_token;
  const asPage =
    (handler: (request: RecordedRequest, match: RegExpMatchArray) => StandInReply) =>
    (request: RecordedRequest, match: RegExpMatchArray): StandInReply => {
      const id = match[1]!;
      const pageId = posts.get(id)?.pageId ?? videos.get(id)?.pageId ?? id.split('_')[0]!;
      return bearer(request) && bearer(request) === pageToken(pageId)
        ? handler(request, match)
        : INVALID_TOKEN;
    };
  const asUser =
    (handler: (request: RecordedRequest) => StandInReply) =>
    (request: RecordedRequest): StandInReply =>
      bearer(request) === FB_TOKENS.long ? handler(request) : INVALID_TOKEN;

  const usageHeaders = (pageId: string): Record<string, string> | undefined =>
    state.businessUsage
      ? {
          'x-business-use-case-usage': JSON.stringify({
            [pageId]: [{ type: 'pages', ...state.businessUsage }],
          }),
        }
      : undefined;
  // A Page's own fields and insights (before the post routes, which match any numeric id).
  const pageIds = pages.map((page) => page.id).join('|');
  server
    .route(
      'GET',
      new RegExp(`^/v25\\.0/(${pageIds})$`),
      asPage((request, match) => {
        const id = match[1]!;
        const fields = state.pageFields.get(id) ?? {};
        const asked = (request.query.fields ?? '').split(',');
        return {
          headers: usageHeaders(id),
          body: {
            id,
            ...Object.fromEntries(Object.entries(fields).filter(([name]) => asked.includes(name))),
          },
        };
      }),
    )
    .route(
      'GET',
      new RegExp(`^/v25\\.0/(${pageIds})/insights$`),
      asPage((request, match) => {
        const id = match[1]!;
        const asked = (request.query.metric ?? '').split(',');
        // Metrics Meta retired for all versions answer as unknown ones do.
        if (asked.some((name) => RETIRED_PAGE_METRICS.includes(name)))
          return graphError(400, { message: '(#100) The value must be a valid insights metric', code: 100 });
        if (asked.some((name) => name in FOLLOWER_BREAKDOWNS)) {
          // Demographic breakdowns are lifetime figures: one value, an object bucket -> followers.
          if (asked.some((name) => !state.followerBreakdowns[name]))
            return graphError(400, {
              message: '(#100) The value must be a valid insights metric',
              code: 100,
            });
          if (request.query.period !== 'lifetime')
            return graphError(400, { message: '(#100) Invalid period', code: 100 });
          return {
            headers: usageHeaders(id),
            body: {
              data: asked.map((name) => ({
                name,
                period: 'lifetime',
                values: [{ value: state.followerBreakdowns[name], end_time: '2025-06-01T07:00:00+0000' }],
                id: `${id}/insights/${name}/lifetime`,
              })),
            },
          };
        }
        const values = state.pageInsights;
        if (!values)
          return graphError(400, { message: '(#100) The value must be a valid insights metric', code: 100 });
        return {
          headers: usageHeaders(id),
          body: {
            data: (request.query.metric ?? '')
              .split(',')
              .filter((name) => name in values)
              .map((name) => ({
                name,
                period: request.query.period ?? 'day',
                values: [
                  { value: Math.max(0, values[name]! - 5), end_time: '2025-05-31T07:00:00+0000' },
                  { value: values[name], end_time: '2025-06-01T07:00:00+0000' },
                ],
              })),
          },
        };
      }),
    );
  server
    .route('GET', /^\/media\/(.+)$/, (_request, match) =>
      match[1] === 'missing.jpg'
        ? { status: 404, body: 'not found' }
        : { headers: { 'content-type': 'image/jpeg' }, body: PHOTO_BYTES },
    )
    .route('GET', /^\/v25\.0\/oauth\/access_token$/, (request) => {
      const query = request.query;
      if (query.grant_type === 'fb_exchange_token') {
        if (
          query.client_id !== FB_APP.clientId ||
          query.client_secret !== FB_APP.clientSecret ||
          query.fb_exchange_token !== FB_TOKENS.short
        ) {
          return INVALID_TOKEN;
        }
        return { body: { access_token: FB_TOKENS.long, token_type: 'bearer', expires_in: 5_184_000 } };
      }
      if (
        query.client_id !== FB_APP.clientId ||
        query.client_secret !== FB_APP.clientSecret ||
        query.redirect_uri !== FB_APP.redirectUri
      ) {
        return graphError(400, {
          message: 'Error validating client secret.',
          code: 1,
          type: 'OAuthException',
        });
      }
      if (query.code !== FB_CODE || query.code_verifier !== FB_VERIFIER) {
        return graphError(400, { message: 'Invalid verification code format.', code: 100 });
      }
      return { body: { access_token: FB_TOKENS.short, token_type: 'bearer', expires_in: 5_183 } };
    })
    .route(
      'GET',
      /^\/v25\.0\/me\/permissions$/,
      asUser(() => ({
        body: { data: state.granted.map((permission) => ({ permission, status: 'granted' })) },
      })),
    )
    .route(
      'GET',
      /^\/v25\.0\/me\/accounts$/,
      asUser((request) => {
        // One Page per batch, to exercise cursor paging.
        const index = request.query.after ? Number(request.query.after) : 0;
        const page = state.pages[index];
        const hasMore = index + 1 < state.pages.length;
        return {
          body: {
            data: page
              ? [
                  {
                    ...page,
                    category: 'Bakery',
                    picture: { data: { url: `https://scontent.example/${page.id}.jpg` } },
                  },
                ]
              : [],
            paging: {
              cursors: { before: String(index), after: String(index + 1) },
              ...(hasMore ? { next: `https://graph.facebook.com/v25.0/me/accounts?after=${index + 1}` } : {}),
            },
          },
        };
      }),
    )
    .route(
      'POST',
      /^\/v25\.0\/(\d+)\/photos$/,
      asPage((request, match) => {
        const source = request.files.source;
        if (!source) return graphError(400, { message: '(#324) Requires upload file', code: 324 });
        const id = `2000${nextId()}`;
        photos.set(id, {
          pageId: match[1]!,
          published: request.form.published ?? 'true',
          bytes: source.bytes,
          type: source.type,
        });
        return { body: { id } };
      }),
    )
    .route(
      'POST',
      /^\/v25\.0\/(\d+)\/feed$/,
      asPage((request, match) => {
        const pageId = match[1]!;
        const attached = Object.entries(request.form).filter(([key]) => key.startsWith('attached_media['));
        for (const [, value] of attached) {
          const photo = photos.get((JSON.parse(value) as { media_fbid: string }).media_fbid);
          if (!photo || photo.pageId !== pageId || photo.published !== 'false') {
            return graphError(400, {
              message: '(#100) attached_media must be unpublished photos of this Page',
              code: 100,
            });
          }
        }
        if (!request.form.message && attached.length === 0)
          return graphError(400, { message: '(#100) Missing message or attachment', code: 100 });
        const post: FeedPost = {
          id: `${pageId}_3000${nextId()}`,
          pageId,
          form: request.form,
          createdAt: state.now(),
        };
        posts.set(post.id, post);
        return { body: { id: post.id } };
      }),
    )
    .route(
      'GET',
      /^\/v25\.0\/(\d+)\/published_posts$/,
      asPage((request, match) =>
        graphListing(
          request,
          [...posts.values()]
            .filter((post) => post.pageId === match[1])
            .map((post) => ({
              id: post.id,
              at: post.createdAt,
              message: post.form.message,
              created_time: graphTime(post.createdAt),
              permalink_url: `https://www.facebook.com/${post.pageId}/posts/${post.id.split('_')[1]}`,
            })),
          { timeBounds: true },
        ),
      ),
    )
    .route(
      'POST',
      /^\/video\/v25\.0\/(\d+)\/videos$/,
      asPage((request, match) => {
        if (!request.form.file_url)
          return graphError(400, { message: '(#100) file_url or source is required', code: 100 });
        const id = `4000${nextId()}`;
        videos.set(id, { pageId: match[1]!, form: request.form });
        return { body: { id } };
      }),
    )
    .route(
      'POST',
      /^\/v25\.0\/([\d_]+)\/comments$/,
      asPage((request, match) => {
        const objectId = match[1]!;
        if (!posts.has(objectId) && !videos.has(objectId))
          return graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 });
        const comment = { objectId, message: request.form.message ?? '', id: `${objectId}_5000${nextId()}` };
        comments.push(comment);
        return { body: { id: comment.id } };
      }),
    )
    .route(
      'GET',
      /^\/v25\.0\/([\d_]+)\/(insights|video_insights)$/,
      asPage((request, match) => {
        const values = state.counts.get(match[1]!)?.insights;
        if (!values)
          return graphError(400, { message: '(#100) The value must be a valid insights metric', code: 100 });
        const names = (request.query.metric ?? '').split(',');
        return {
          body: {
            data: names
              .filter((name) => name in values)
              .map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] }] })),
          },
        };
      }),
    )
    .route(
      'GET',
      /^\/v25\.0\/([\d_]+)$/,
      asPage((request, match) => {
        const id = match[1]!;
        const counts = state.counts.get(id);
        if (!counts || (!posts.has(id) && !videos.has(id))) {
          return graphError(400, {
            message: `Unsupported get request. Object with ID '${id}' does not exist`,
            code: 100,
            error_subcode: 33,
          });
        }
        const fields = request.query.fields ?? '';
        return {
          body: {
            id,
            reactions: { data: [], summary: { total_count: counts.reactions } },
            comments: { data: [], summary: { total_count: counts.comments } },
            ...(fields.includes('shares') && counts.shares !== undefined
              ? { shares: { count: counts.shares } }
              : {}),
          },
        };
      }),
    );

  return { server, photos, posts, videos, comments, state };
}

export function facebookEndpoints(baseUrl: string): Record<string, string> {
  return { api: `${baseUrl}/v25.0`, video: `${baseUrl}/video/v25.0` };
}
