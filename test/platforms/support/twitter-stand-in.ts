import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it; tests assert on these (they are the contract). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json?: unknown;
  form?: FormData;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

interface Override {
  method: string;
  path: string | RegExp;
  handler: Handler;
  remaining: number;
}

interface Upload {
  id: string;
  mediaType: string;
  totalBytes: number;
  category: string;
  segments: { index: number; bytes: Buffer }[];
  finalized: boolean;
  pollsUntilDone: number;
  fails: boolean;
  altText?: string;
}

interface Tweet {
  id: string;
  text?: string;
  mediaIds: string[];
  inReplyTo?: string;
  replySettings?: string;
  createdAt: string;
  metrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    bookmark_count: number;
    impression_count: number;
  };
  videoViews?: number;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

/** X's problem shape (RFC 7807) as the v2 API sends it. */
export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
  return { title, detail, type: 'about:blank', status, ...extra };
}

const MAX_CHUNK = 5 * 1024 * 1024;

/**
 * A small X API v2 on 127.0.0.1 implementing what Plume uses: the OAuth 2.0 token endpoint
 * with PKCE and rotating refresh tokens, users/me, the chunked media upload (initialize,
 * append, finalize, STATUS with `check_after_secs`), media metadata, post creation with
 * rate-limit headers and duplicate detection, and the tweets lookup with public metrics.
 * It also serves media files, playing Plume's own media store.
 */
export class TwitterStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly validTokens = new Set<string>(['token-alice']);
  readonly uploads = new Map<string, Upload>();
  readonly tweets = new Map<string, Tweet>();
  readonly files = new Map<string, { type: string; bytes: Buffer }>();
  subscriptionType = 'None';
  /** STATUS answers of in_progress before a video/GIF succeeds. */
  pollsUntilDone = 2;
  failProcessing = false;
  /** Seconds since the epoch; the reset headers are computed from it. */
  nowSeconds = Math.floor(Date.parse('2025-06-01T12:00:00.000Z') / 1000);
  userPostsLeft = 17;
  /** The user's public_metrics as users/me answers them with `user.fields=public_metrics`. */
  publicMetrics: Record<string, number> = {
    followers_count: 5230,
    following_count: 410,
    tweet_count: 9120,
    listed_count: 33,
  };
  /** Requests left in the 15-minute window of GET /2/users/me (its x-rate-limit-* headers). */
  usersMeLeft = 74;
  private readonly overrides: Override[] = [];
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; scope: string }>();
  private readonly refreshTokens = new Set<string>(['refresh-1']);
  private nextId = 1880028106020515840n;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.dispatch(
          req.method ?? 'GET',
          req.url ?? '/',
          req.headers,
          Buffer.concat(chunks),
          res,
        ).catch((error: unknown) => {
          if (!res.headersSent) sendJson(res, 500, problem(500, 'Internal Error', String(error)));
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  override(method: string, path: string | RegExp, handler: Handler, times = 1): void {
    this.overrides.push({ method, path, handler, remaining: times });
  }

  addFile(name: string, type: string, bytes: Buffer): string {
    this.files.set(name, { type, bytes });
    return `${this.url}/files/${name}`;
  }

  approve(input: { codeChallenge: string; redirectUri: string; scope: string }): string {
    const code = `code-${this.nextId++}`;
    this.codes.set(code, {
      challenge: input.codeChallenge,
      redirectUri: input.redirectUri,
      scope: input.scope,
    });
    return code;
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }

  /** The headers X sends with a post creation (https://docs.x.com/x-api/fundamentals/rate-limits). */
  rateLimitHeaders(): Record<string, string> {
    return {
      'x-rate-limit-limit': '200',
      'x-rate-limit-remaining': '150',
      'x-rate-limit-reset': String(this.nowSeconds + 900),
      'x-user-limit-24hour-limit': '100',
      'x-user-limit-24hour-remaining': String(this.userPostsLeft),
      'x-user-limit-24hour-reset': String(this.nowSeconds + 36_000),
    };
  }

  private async dispatch(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    raw: Buffer,
    res: ServerResponse,
  ) {
    const url = new URL(rawUrl, 'http://stand-in');
    const request: RecordedRequest = { method, path: url.pathname, query: url.searchParams, headers, raw };
    const type = headers['content-type'] ?? '';
    if (type.includes('application/json') && raw.length > 0) request.json = JSON.parse(raw.toString('utf8'));
    if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
      request.form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    }
    this.requests.push(request);
    const override = this.overrides.find(
      (o) =>
        o.remaining > 0 &&
        o.method === method &&
        (typeof o.path === 'string' ? o.path === url.pathname : o.path.test(url.pathname)),
    );
    if (override) {
      override.remaining -= 1;
      await override.handler(request, res);
      return;
    }
    await this.route(request, res);
  }

  private authorized(request: RecordedRequest, res: ServerResponse): boolean {
    const header = request.headers.authorization ?? '';
    if (header.startsWith('Bearer ') && this.validTokens.has(header.slice(7))) return true;
    sendJson(res, 401, problem(401, 'Unauthorized', 'Unauthorized'));
    return false;
  }

  /** The documented behaviour; overrides can fall back to it. */
  async route(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const { method, path } = request;
    if (method === 'GET' && path.startsWith('/files/')) {
      const file = this.files.get(path.slice('/files/'.length));
      if (!file) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    if (method === 'POST' && path === '/2/oauth2/token') return this.token(request, res);
    if (method === 'GET' && path === '/2/users/me') {
      if (!this.authorized(request, res)) return;
      const fields = (request.query.get('user.fields') ?? '').split(',');
      return sendJson(res, 200, {
        data: {
          id: '2244994945',
          name: 'Alice',
          username: 'alice',
          ...(fields.includes('profile_image_url')
            ? { profile_image_url: 'https://pbs.twimg.com/profile_images/alice_normal.jpg' }
            : {}),
          ...(fields.includes('subscription_type') ? { subscription_type: this.subscriptionType } : {}),
          ...(fields.includes('public_metrics') ? { public_metrics: this.publicMetrics } : {}),
        },
      }, {
        'x-rate-limit-limit': '75',
        'x-rate-limit-remaining': String(this.usersMeLeft),
        'x-rate-limit-reset': String(this.nowSeconds + 900),
      });
    }
    if (method === 'POST' && path === '/2/media/upload/initialize') return this.initialize(request, res);
    const append = /^\/2\/media\/upload\/(\d+)\/append$/.exec(path);
    if (method === 'POST' && append) return this.append(append[1] ?? '', request, res);
    const finalize = /^\/2\/media\/upload\/(\d+)\/finalize$/.exec(path);
    if (method === 'POST' && finalize) return this.finalize(finalize[1] ?? '', request, res);
    if (method === 'GET' && path === '/2/media/upload') return this.status(request, res);
    if (method === 'POST' && path === '/2/media/metadata') {
      if (!this.authorized(request, res)) return;
      const body = request.json as { id?: string; metadata?: { alt_text?: { text?: string } } };
      const upload = this.uploads.get(body.id ?? '');
      if (!upload) return sendJson(res, 400, problem(400, 'Invalid Request', 'Unknown media id'));
      upload.altText = body.metadata?.alt_text?.text;
      return sendJson(res, 200, { data: { associated_metadata: true, id: upload.id } });
    }
    if (method === 'POST' && path === '/2/tweets') return this.createTweet(request, res);
    if (method === 'GET' && path === '/2/tweets') return this.lookup(request, res);
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
    if (method === 'GET' && timeline) return this.timeline(timeline[1] ?? '', request, res);
    sendJson(res, 404, problem(404, 'Not Found', `No route ${method} ${path}`));
  }

  private token(request: RecordedRequest, res: ServerResponse): void {
    const form = request.form;
    const basic = request.headers.authorization ?? '';
    const confidential = basic === `Basic ${Buffer.from('client-x:secret-x').toString('base64')}`;
    const publicClient = !basic && form?.get('client_id') === 'public-x';
    if (!confidential && !publicClient) {
      return sendJson(res, 401, {
        error: 'unauthorized_client',
        error_description: 'Missing valid authorization header',
      });
    }
    const invalid = () =>
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Value passed for the token was invalid.',
      });
    if (form?.get('grant_type') === 'authorization_code') {
      const stored = this.codes.get(String(form.get('code')));
      const challenge = createHash('sha256')
        .update(String(form.get('code_verifier') ?? ''))
        .digest('base64url');
      if (!stored || stored.challenge !== challenge || stored.redirectUri !== form.get('redirect_uri'))
        return invalid();
      this.codes.delete(String(form.get('code')));
      this.validTokens.add('token-new');
      this.refreshTokens.add('refresh-new');
      return sendJson(res, 200, {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: 'token-new',
        scope: stored.scope,
        refresh_token: 'refresh-new',
      });
    }
    if (form?.get('grant_type') === 'refresh_token') {
      const refresh = String(form.get('refresh_token'));
      if (!this.refreshTokens.has(refresh)) return invalid();
      // X refresh tokens are single use: the answer carries the next one.
      this.refreshTokens.delete(refresh);
      this.refreshTokens.add('refresh-2');
      this.validTokens.add('token-2');
      return sendJson(res, 200, {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: 'token-2',
        scope: 'tweet.read tweet.write users.read offline.access media.write',
        refresh_token: 'refresh-2',
      });
    }
    invalid();
  }

  private initialize(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const body = request.json as
      { media_type?: string; total_bytes?: number; media_category?: string } | undefined;
    if (!body?.media_type || !body.total_bytes || !body.media_category) {
      return sendJson(
        res,
        400,
        problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.'),
      );
    }
    const id = String(this.nextId++);
    const processed = body.media_category === 'tweet_video' || body.media_category === 'tweet_gif';
    this.uploads.set(id, {
      id,
      mediaType: body.media_type,
      totalBytes: body.total_bytes,
      category: body.media_category,
      segments: [],
      finalized: false,
      pollsUntilDone: processed ? this.pollsUntilDone : 0,
      fails: processed && this.failProcessing,
    });
    sendJson(res, 200, { data: { id, media_key: `7_${id}`, expires_after_secs: 1295999 } });
  }

  private async append(id: string, request: RecordedRequest, res: ServerResponse): Promise<void> {
    if (!this.authorized(request, res)) return;
    const upload = this.uploads.get(id);
    const media = request.form?.get('media');
    const index = Number(request.form?.get('segment_index'));
    if (
      !upload ||
      !(media instanceof Blob) ||
      !Number.isInteger(index) ||
      index < 0 ||
      index > 999 ||
      media.size > MAX_CHUNK
    ) {
      return sendJson(
        res,
        400,
        problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.'),
      );
    }
    upload.segments.push({ index, bytes: Buffer.from(await media.arrayBuffer()) });
    sendJson(res, 200, { data: { expires_at: this.nowSeconds + 86_400 } });
  }

  private finalize(id: string, request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const upload = this.uploads.get(id);
    if (!upload) return sendJson(res, 400, problem(400, 'Invalid Request', 'Unknown media id'));
    const size = upload.segments.reduce((sum, segment) => sum + segment.bytes.length, 0);
    if (size !== upload.totalBytes) {
      return sendJson(res, 400, {
        errors: [{ message: `File size mismatch: got ${size}, expected ${upload.totalBytes}` }],
      });
    }
    upload.finalized = true;
    const processing = upload.pollsUntilDone > 0 || upload.fails;
    sendJson(res, 200, {
      data: {
        id,
        media_key: `7_${id}`,
        size,
        expires_after_secs: 86_400,
        ...(processing ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}),
      },
    });
  }

  private status(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const upload = this.uploads.get(request.query.get('media_id') ?? '');
    if (request.query.get('command') !== 'STATUS' || !upload) {
      return sendJson(
        res,
        400,
        problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.'),
      );
    }
    if (upload.pollsUntilDone > 0) {
      upload.pollsUntilDone -= 1;
      return sendJson(res, 200, {
        data: {
          id: upload.id,
          processing_info: { state: 'in_progress', check_after_secs: 3, progress_percent: 40 },
        },
      });
    }
    if (upload.fails) {
      return sendJson(res, 200, {
        data: {
          id: upload.id,
          processing_info: {
            state: 'failed',
            progress_percent: 12,
            error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
          },
        },
      });
    }
    sendJson(res, 200, {
      data: { id: upload.id, processing_info: { state: 'succeeded', progress_percent: 100 } },
    });
  }

  private createTweet(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const body = (request.json ?? {}) as {
      text?: string;
      media?: { media_ids?: string[] };
      reply?: { in_reply_to_tweet_id?: string };
      reply_settings?: string;
    };
    const mediaIds = body.media?.media_ids ?? [];
    if (!body.text && mediaIds.length === 0) {
      return sendJson(res, 400, {
        errors: [{ message: 'Text or media is required' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      });
    }
    for (const mediaId of mediaIds) {
      const upload = this.uploads.get(mediaId);
      if (!upload?.finalized || upload.pollsUntilDone > 0 || upload.fails) {
        return sendJson(res, 400, {
          errors: [{ message: `Your media IDs are invalid.` }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        });
      }
    }
    if (body.text && [...this.tweets.values()].some((tweet) => tweet.text === body.text)) {
      return sendJson(
        res,
        403,
        problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'),
        this.rateLimitHeaders(),
      );
    }
    const id = String(this.nextId++);
    this.tweets.set(id, {
      id,
      text: body.text,
      mediaIds,
      inReplyTo: body.reply?.in_reply_to_tweet_id,
      replySettings: body.reply_settings,
      createdAt: new Date(this.nowSeconds * 1000).toISOString(),
      metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      },
    });
    this.userPostsLeft -= 1;
    sendJson(
      res,
      201,
      { data: { id, text: body.text ?? '', edit_history_tweet_ids: [id] } },
      this.rateLimitHeaders(),
    );
  }

  /**
   * `GET /2/users/:id/tweets`: newest first from `start_time`, `exclude=replies`, pages of
   * `max_results` with `meta.next_token`; text as X returns it (links as t.co, `&<>` escaped,
   * the link of attached media appended).
   */
  private timeline(userId: string, request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    if (userId !== '2244994945')
      return sendJson(res, 404, problem(404, 'Not Found Error', 'Could not find user'));
    const since = Date.parse(request.query.get('start_time') ?? '1970-01-01T00:00:00Z');
    const excludeReplies = (request.query.get('exclude') ?? '').split(',').includes('replies');
    const all = [...this.tweets.values()]
      .filter((tweet) => Date.parse(tweet.createdAt) >= since && !(excludeReplies && tweet.inReplyTo))
      .sort((a, b) => Number(BigInt(b.id) - BigInt(a.id)));
    const size = Number(request.query.get('max_results') ?? 10);
    const start = Number(request.query.get('pagination_token') ?? 0);
    const page = all.slice(start, start + size);
    const asListed = (tweet: Tweet) =>
      [
        (tweet.text ?? '')
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/https?:\/\/\S+/g, () => `https://t.co/${tweet.id.slice(-6)}`),
        ...(tweet.mediaIds.length > 0 ? [`https://t.co/m${tweet.id.slice(-5)}`] : []),
      ]
        .filter(Boolean)
        .join(' ');
    sendJson(res, 200, {
      ...(page.length > 0
        ? {
            data: page.map((tweet) => ({
              id: tweet.id,
              text: asListed(tweet),
              created_at: tweet.createdAt,
              edit_history_tweet_ids: [tweet.id],
            })),
          }
        : {}),
      meta: {
        result_count: page.length,
        ...(start + size < all.length ? { next_token: String(start + size) } : {}),
      },
    });
  }

  private lookup(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 100) {
      return sendJson(
        res,
        400,
        problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.'),
      );
    }
    const found = ids.map((id) => this.tweets.get(id)).filter((tweet): tweet is Tweet => tweet !== undefined);
    const missing = ids.filter((id) => !this.tweets.has(id));
    const withMedia = found.filter((tweet) => tweet.mediaIds.length > 0);
    sendJson(res, 200, {
      data: found.map((tweet) => ({
        id: tweet.id,
        text: tweet.text ?? '',
        edit_history_tweet_ids: [tweet.id],
        public_metrics: tweet.metrics,
        ...(tweet.mediaIds.length > 0
          ? { attachments: { media_keys: tweet.mediaIds.map((id) => `7_${id}`) } }
          : {}),
      })),
      ...(withMedia.length > 0
        ? {
            includes: {
              media: withMedia.flatMap((tweet) =>
                tweet.mediaIds.map((id) => ({
                  media_key: `7_${id}`,
                  type: 'video',
                  public_metrics: { view_count: tweet.videoViews ?? 0 },
                })),
              ),
            },
          }
        : {}),
      ...(missing.length > 0
        ? {
            errors: missing.map((id) => ({
              value: id,
              detail: `Could not find tweet with ids: [${id}].`,
              title: 'Not Found Error',
              resource_type: 'tweet',
              parameter: 'ids',
              resource_id: id,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            })),
          }
        : {}),
    });
  }
}

export async function startTwitterStandIn(): Promise<TwitterStandIn> {
  return new TwitterStandIn().start();
}
