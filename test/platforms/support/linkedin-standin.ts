import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.linkedin.com and www.linkedin.com (OAuth) implementing the documented
 * endpoints the LinkedIn connector uses, with the status codes, headers and error bodies LinkedIn
 * sends. Every request is recorded: the tests assert them as the contract. It also serves Plume's
 * media files under /media/*.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json?: unknown;
  form?: URLSearchParams;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hold the answer this long (to exceed a client timeout). */
  delayMs?: number;
}

export const VALID_TOKEN = 'li-access-1';
export const REFRESHED_TOKEN = 'li-access-2';
export const MEMBER_ID = 'abc123';
export const ORGANIZATION_URN = 'urn:li:organization:5515715';
export const POST_URN = 'urn:li:share:7000000000000000001';
export const COMMENT_URN = 'urn:li:comment:(urn:li:activity:7000000000000000001,7000000000000000009)';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers: { 'content-type': 'application/json', ...headers },
});

export const linkedinErrors = {
  expiredToken: json(401, {
    status: 401,
    serviceErrorCode: 65602,
    code: 'EXPIRED_ACCESS_TOKEN',
    message: 'The token used in the request has expired',
  }),
  revokedToken: json(401, {
    status: 401,
    serviceErrorCode: 65601,
    code: 'REVOKED_ACCESS_TOKEN',
    message: 'The token used in the request has been revoked by the user',
  }),
  throttled: (retryAfter?: string) =>
    json(
      429,
      {
        status: 429,
        message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      },
      retryAfter ? { 'retry-after': retryAfter } : {},
    ),
  serverError: json(500, { status: 500, message: 'Internal Server Error' }),
  gatewayTimeout: json(504, { status: 504, message: 'Gateway Timeout' }),
  forbidden: json(403, {
    status: 403,
    serviceErrorCode: 100,
    code: 'ACCESS_DENIED',
    message: 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20260501',
  }),
  duplicate: json(422, {
    status: 422,
    code: 'DUPLICATE_POST',
    message: 'Content is a duplicate of urn:li:share:6999999999999999999',
  }),
};

const facet = (key: string, value: string, organic: number, paid = 0) => ({
  [key]: value,
  followerCounts: { organicFollowerCount: organic, paidFollowerCount: paid },
});

/**
 * A Page's lifetime follower statistics with the seven facets LinkedIn documents. Paid counts
 * are set on purpose: LinkedIn rolls them into organicFollowerCount for demographics.
 */
export const LIFETIME_FOLLOWER_STATISTICS: Record<string, unknown> = {
  followerCountsByGeoCountry: [
    facet('geo', 'urn:li:geo:103644278', 600, 40),
    facet('geo', 'urn:li:geo:105015875', 300),
    facet('geo', 'urn:li:geo:101165590', 100, 5),
  ],
  followerCountsByGeo: [facet('geo', 'urn:li:geo:90009496', 280)],
  followerCountsByFunction: [
    facet('function', 'urn:li:function:8', 500, 12),
    facet('function', 'urn:li:function:25', 300),
    facet('function', 'urn:li:function:15', 200),
  ],
  followerCountsBySeniority: [
    facet('seniority', 'urn:li:seniority:4', 450),
    facet('seniority', 'urn:li:seniority:5', 450),
    facet('seniority', 'urn:li:seniority:3', 100),
  ],
  followerCountsByIndustry: [
    facet('industry', 'urn:li:industry:4', 700),
    facet('industry', 'urn:li:industry:96', 300),
  ],
  followerCountsByStaffCountRange: [facet('staffCountRange', 'SIZE_11_TO_50', 200)],
  followerCountsByAssociationType: [facet('associationType', 'EMPLOYEE', 40)],
};

export interface LinkedInStandin {
  url: string;
  requests: RecordedRequest[];
  /** Answer the next request matching `METHOD /path` with `reply` instead of the normal one. */
  override(route: string, reply: Reply): void;
  /** Status sequence returned by GET /rest/videos/{urn}; the last one repeats. */
  videoStatuses: string[];
  /** Bytes per video upload part (LinkedIn uses 4 MB; tests use a few bytes). */
  videoPartBytes: number;
  /** Whether the refresh grant returns a new refresh token. */
  rotateRefreshToken: boolean;
  media: Map<string, Buffer>;
  /** Page roles of the member, served 2 per page. */
  organizationAcls: { organization: string; role: string; state: string; roleAssignee: string }[];
  /** Posts created, as "Find Posts by Authors" lists them. */
  posts: { id: string; author: string; commentary: string; createdAt: number }[];
  /** URNs for the next created posts (else POST_URN), so a look-up can tell posts apart. */
  nextPostUrns: string[];
  /** The network's clock, for `createdAt`. */
  now: () => Date;
  /**
   * Whether the app holds the restricted `r_member_social` permission: without it LinkedIn
   * refuses to list a member's posts (a Page's need `r_organization_social`, which Plume asks).
   */
  memberPostReads: boolean;
  /** The Page's follower count, as networkSizes answers it (`firstDegreeSize`). */
  pageFollowers: number;
  /** The Page's lifetime follower statistics element (facet lists), as organizationalEntityFollowerStatistics answers it. */
  followerStatistics: Record<string, unknown>;
  /** Geo id -> en_US name, as the Geo API names them; an id not here is a 404 in the batch's `errors`. */
  geoNames: Map<string, string>;
  close(): Promise<void>;
  find(route: string): RecordedRequest[];
}

function isAuthorized(request: RecordedRequest, tokens: Set<string>): boolean {
  const header = request.headers.authorization ?? '';
  return tokens.has(header.replace(/^Bearer /, ''));
}

export async function startLinkedInStandin(): Promise<LinkedInStandin> {
  const requests: RecordedRequest[] = [];
  const overrides = new Map<string, Reply[]>();
  const validTokens = new Set([VALID_TOKEN, REFRESHED_TOKEN]);
  let imageCount = 0;
  let videoCount = 0;
  let videoPoll = 0;

  const state: Omit<LinkedInStandin, 'close' | 'find' | 'override' | 'requests' | 'url'> = {
    posts: [],
    nextPostUrns: [],
    now: () => new Date(),
    memberPostReads: false,
    pageFollowers: 18_240,
    followerStatistics: LIFETIME_FOLLOWER_STATISTICS,
    geoNames: new Map([
      ['103644278', 'United States'],
      ['105015875', 'France'],
      ['101165590', 'United Kingdom'],
    ]),
    videoStatuses: ['PROCESSING', 'AVAILABLE'],
    videoPartBytes: 4,
    rotateRefreshToken: false,
    media: new Map(),
    organizationAcls: [
      {
        organization: ORGANIZATION_URN,
        role: 'ADMINISTRATOR',
        state: 'APPROVED',
        roleAssignee: `urn:li:person:${MEMBER_ID}`,
      },
      {
        organization: 'urn:li:organization:999',
        role: 'ANALYST',
        state: 'APPROVED',
        roleAssignee: `urn:li:person:${MEMBER_ID}`,
      },
      {
        organization: 'urn:li:organization:777',
        role: 'CONTENT_ADMINISTRATOR',
        state: 'APPROVED',
        roleAssignee: `urn:li:person:${MEMBER_ID}`,
      },
    ],
  };
  let base = '';

  function route(request: RecordedRequest): Reply {
    const key = `${request.method} ${request.path}`;
    const queued = overrides.get(key)?.shift();
    if (queued) return queued;

    if (key.startsWith('GET /media/')) {
      const file = state.media.get(request.path.slice('/media/'.length));
      return file
        ? { status: 200, body: file, headers: { 'content-type': 'application/octet-stream' } }
        : { status: 404 };
    }
    if (key === 'POST /oauth/v2/accessToken') {
      const form = request.form ?? new URLSearchParams();
      if (form.get('grant_type') === 'authorization_code') {
        if (form.get('code') !== 'good-code' || form.get('client_secret') !== 'secret') {
          return json(400, {
            error: 'invalid_grant',
            error_description:
              'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
          });
        }
        return json(200, {
          access_token: VALID_TOKEN,
          expires_in: 5183999,
          refresh_token: 'li-refresh-1',
          refresh_token_expires_in: 31535999,
          scope:
            form.get('scope') ??
            'openid,profile,w_member_social,w_organization_social,r_organization_social,rw_organization_admin',
        });
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (form.get('refresh_token') !== 'li-refresh-1')
          return json(400, {
            error: 'invalid_grant',
            error_description:
              'The provided authorization grant or refresh token is invalid, expired or revoked.',
          });
        return json(200, {
          access_token: REFRESHED_TOKEN,
          expires_in: 5183999,
          ...(state.rotateRefreshToken
            ? { refresh_token: 'li-refresh-2', refresh_token_expires_in: 30000000 }
            : {}),
        });
      }
      return json(400, { error: 'unsupported_grant_type' });
    }

    // Everything below needs a valid member token.
    if (!isAuthorized(request, validTokens)) return linkedinErrors.expiredToken;

    if (key === 'GET /v2/userinfo')
      return json(200, {
        sub: MEMBER_ID,
        name: 'Ada Lovelace',
        given_name: 'Ada',
        family_name: 'Lovelace',
        picture: 'https://media.licdn.com/ada.jpg',
      });
    if (key === 'GET /v2/me')
      return json(200, {
        id: MEMBER_ID,
        localizedFirstName: 'Ada',
        localizedLastName: 'Lovelace',
        vanityName: 'ada-lovelace',
      });
    if (key === 'GET /rest/organizationAcls') {
      // Rest.li paging with a small page so the connector has to follow it.
      const start = Number(request.query.get('start') ?? 0);
      const elements = state.organizationAcls.slice(start, start + 2);
      return json(200, { elements, paging: { start, count: 2, total: state.organizationAcls.length } });
    }
    if (request.method === 'GET' && request.path.startsWith('/rest/organizations/')) {
      const id = Number(request.path.split('/').pop());
      return id === 5515715
        ? json(200, { id, localizedName: 'Plume Labs', vanityName: 'plume-labs' })
        : json(200, { id, localizedName: `Org ${id}` });
    }
    if (key === 'POST /rest/images' && request.query.get('action') === 'initializeUpload') {
      imageCount += 1;
      return json(200, {
        value: {
          uploadUrlExpiresAt: 1_800_000_000_000,
          uploadUrl: `${base}/dms-uploads/image-${imageCount}`,
          image: `urn:li:image:C4E10AQ${imageCount}`,
        },
      });
    }
    if (request.method === 'PUT' && request.path.startsWith('/dms-uploads/image-')) return { status: 201 };
    if (key === 'POST /rest/videos' && request.query.get('action') === 'initializeUpload') {
      videoCount += 1;
      videoPoll = 0;
      const size = (request.json as { initializeUploadRequest: { fileSizeBytes: number } })
        .initializeUploadRequest.fileSizeBytes;
      const uploadInstructions = [];
      for (let first = 0, part = 1; first < size; first += state.videoPartBytes, part += 1) {
        const last = Math.min(first + state.videoPartBytes, size) - 1;
        uploadInstructions.push({
          uploadUrl: `${base}/dms-uploads/video-${videoCount}/part-${part}`,
          firstByte: first,
          lastByte: last,
        });
      }
      return json(200, {
        value: {
          uploadUrlsExpireAt: 1_800_000_000_000,
          video: `urn:li:video:C5F10AQ${videoCount}`,
          uploadInstructions,
          uploadToken: `token-${videoCount}`,
        },
      });
    }
    if (request.method === 'PUT' && request.path.startsWith('/dms-uploads/video-')) {
      return { status: 200, headers: { etag: `"etag-${request.path.split('/').pop()}"` } };
    }
    if (key === 'POST /rest/videos' && request.query.get('action') === 'finalizeUpload')
      return { status: 200 };
    if (request.method === 'GET' && request.path.startsWith('/rest/videos/')) {
      const status = state.videoStatuses[Math.min(videoPoll, state.videoStatuses.length - 1)];
      videoPoll += 1;
      return json(200, {
        id: decodeURIComponent(request.path.split('/').pop() ?? ''),
        status,
        ...(status === 'PROCESSING_FAILED' ? { processingFailureReason: 'Invalid codec' } : {}),
      });
    }
    if (key === 'POST /rest/posts') {
      const body = (request.json ?? {}) as { author?: string; commentary?: string };
      const id = state.nextPostUrns.shift() ?? POST_URN;
      state.posts.push({
        id,
        author: body.author ?? '',
        commentary: body.commentary ?? '',
        createdAt: state.now().getTime(),
      });
      return { status: 201, headers: { 'x-restli-id': id } };
    }
    if (key === 'GET /rest/posts' && request.query.get('q') === 'author') {
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (Find Posts by Authors)
      const author = request.query.get('author') ?? '';
      if (request.headers['x-restli-protocol-version'] !== '2.0.0' || !request.headers['linkedin-version'])
        return json(400, { status: 400, message: 'Missing versioning headers' });
      if (author.startsWith('urn:li:person:') && !state.memberPostReads) {
        return json(403, {
          status: 403,
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
          message: 'Not enough permissions to access: partnerApiPostsExternal.FINDER-author.20260501',
        });
      }
      const start = Number(request.query.get('start') ?? 0);
      const count = Number(request.query.get('count') ?? 10);
      const mine = state.posts
        .filter((post) => post.author === author)
        .sort((a, b) => b.createdAt - a.createdAt);
      return json(200, {
        elements: mine.slice(start, start + count).map((post) => ({
          id: post.id,
          author: post.author,
          commentary: post.commentary,
          createdAt: post.createdAt,
          publishedAt: post.createdAt,
          lifecycleState: 'PUBLISHED',
          visibility: 'PUBLIC',
        })),
        paging: { start, count, total: mine.length },
      });
    }
    if (request.method === 'POST' && /^\/rest\/socialActions\/[^/]+\/comments$/.test(request.path)) {
      return json(
        201,
        { $URN: COMMENT_URN, id: '7000000000000000009', object: POST_URN },
        { 'x-restli-id': '7000000000000000009' },
      );
    }
    if (request.method === 'GET' && request.path.startsWith('/rest/networkSizes/')) {
      // Organization Lookup API, "Retrieve Organization Follower Count": versioned Rest.li call,
      // the organization URN URL-encoded in the path.
      if (request.headers['x-restli-protocol-version'] !== '2.0.0' || !request.headers['linkedin-version'])
        return json(400, { status: 400, message: 'A version header is required' });
      const urn = decodeURIComponent(request.path.slice('/rest/networkSizes/'.length));
      if (
        request.query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER' ||
        !urn.startsWith('urn:li:organization:')
      )
        return json(400, { status: 400, message: 'Invalid edgeType or entity' });
      return json(200, { firstDegreeSize: state.pageFollowers });
    }
    if (key === 'GET /rest/organizationalEntityFollowerStatistics') {
      // Organization Follower Statistics: a versioned Rest.li finder on the URL-encoded
      // organization URN; without timeIntervals, the lifetime statistics by facet in one element.
      if (request.headers['x-restli-protocol-version'] !== '2.0.0' || !request.headers['linkedin-version'])
        return json(400, { status: 400, message: 'A version header is required' });
      const entity = request.query.get('organizationalEntity') ?? '';
      if (request.query.get('q') !== 'organizationalEntity' || !entity.startsWith('urn:li:organization:'))
        return json(400, { status: 400, message: 'Invalid finder or organizationalEntity' });
      return json(200, {
        paging: { start: 0, count: 10, links: [] },
        elements: [{ ...state.followerStatistics, organizationalEntity: entity }],
      });
    }
    if (key === 'GET /v2/geo') {
      // Geo API batch get, `ids=List(id,id)`: names in `results`, unknown ids in `errors`.
      if (request.headers['x-restli-protocol-version'] !== '2.0.0')
        return json(400, { status: 400, message: 'Rest.li protocol 2.0.0 is required' });
      const ids = /^List\(([\d,]+)\)$/.exec(request.query.get('ids') ?? '')?.[1]?.split(',');
      if (!ids) return json(400, { status: 400, message: 'Invalid ids' });
      const results: Record<string, unknown> = {};
      const errors: Record<string, unknown> = {};
      for (const id of ids) {
        const name = state.geoNames.get(id);
        if (name)
          results[id] = {
            defaultLocalizedName: { locale: { country: 'US', language: 'en' }, value: name },
            id: Number(id),
          };
        else errors[id] = { status: 404, message: `Geo ${id} not found` };
      }
      return json(200, { results, statuses: {}, errors });
    }
    if (key === 'GET /rest/organizationalEntityShareStatistics') {
      return json(200, {
        elements: [
          {
            organizationalEntity: ORGANIZATION_URN,
            share: POST_URN,
            totalShareStatistics: {
              impressionCount: 1200,
              uniqueImpressionsCount: 900,
              clickCount: 40,
              likeCount: 30,
              commentCount: 5,
              shareCount: 3,
              engagement: 0.065,
            },
          },
        ],
      });
    }
    if (key === 'GET /rest/memberCreatorPostAnalytics') {
      const counts: Record<string, number> = {
        IMPRESSION: 500,
        MEMBERS_REACHED: 350,
        REACTION: 21,
        COMMENT: 4,
        RESHARE: 2,
      };
      return json(200, {
        elements: [
          {
            count: counts[request.query.get('queryType') ?? ''] ?? 0,
            metricType: {
              'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1':
                request.query.get('queryType'),
            },
          },
        ],
      });
    }
    return json(404, { status: 404, message: `No stand-in for ${key}` });
  }

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', base);
      const body = Buffer.concat(chunks);
      const type = incoming.headers['content-type'] ?? '';
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        rawUrl: incoming.url ?? '/',
        headers: incoming.headers,
        body,
        json: type.includes('json') && body.length ? JSON.parse(body.toString('utf8')) : undefined,
        form: type.includes('x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : undefined,
      };
      requests.push(recorded);
      const reply = route(recorded);
      const send = () => {
        if (outgoing.destroyed) return;
        const payload =
          reply.body === undefined
            ? ''
            : Buffer.isBuffer(reply.body)
              ? reply.body
              : JSON.stringify(reply.body);
        outgoing.writeHead(reply.status, reply.headers);
        outgoing.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(state, {
    url: base,
    requests,
    override(routeKey: string, reply: Reply) {
      overrides.set(routeKey, [...(overrides.get(routeKey) ?? []), reply]);
    },
    find(routeKey: string) {
      return requests.filter((request) => `${request.method} ${request.path}` === routeKey);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
