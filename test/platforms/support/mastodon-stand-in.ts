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

interface StoredMedia {
  id: string;
  fileName: string;
  type: string;
  size: number;
  description?: string;
  pollsUntilReady: number;
  failed: boolean;
}

interface StoredStatus {
  id: string;
  text: string;
  mediaIds: string[];
  inReplyToId?: string;
  counts: { replies: number; reblogs: number; favourites: number; quotes?: number };
  createdAt: string;
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

/**
 * A small Mastodon server on 127.0.0.1 implementing the documented endpoints Plume uses:
 * app registration, OAuth with PKCE (S256), verify_credentials, the Instance entity, async
 * media (`POST /api/v2/media` 200/202, `GET /api/v1/media/:id` 206 until processed),
 * statuses with Idempotency-Key, and status counts. It also serves media files, playing
 * Plume's own media store. `override` scripts failures for one or more calls.
 */
export class MastodonStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly validTokens = new Set<string>(['token-alice']);
  readonly media = new Map<string, StoredMedia>();
  readonly statuses = new Map<string, StoredStatus>();
  readonly files = new Map<string, { type: string; bytes: Buffer }>();
  maxCharacters = 500;
  /** How many 206 answers a video gets before it is processed. */
  videoPollsUntilReady = 2;
  instanceV2 = true;
  /** The instance's clock, for `created_at` (tests align it with the connector's). */
  now: () => Date = () => new Date();
  /** The account id verify_credentials answers, whose statuses are listed. */
  readonly accountId = '109';
  /** The Account entity's counts verify_credentials answers. */
  accountCounts: Record<string, number> = { followers_count: 310, following_count: 95, statuses_count: 1204 };
  /** X-RateLimit-* headers sent with verify_credentials (Reset an ISO 8601 time, as Mastodon sends it). */
  rateLimitHeaders: Record<string, string> = {};
  private readonly overrides: Override[] = [];
  private readonly codes = new Map<
    string,
    { challenge: string; clientId: string; redirectUri: string; scope: string }
  >();
  /** Idempotency-Key -> status id and when it was used: Mastodon keeps a key for an hour. */
  private readonly idempotency = new Map<string, { id: string; at: number }>();
  private nextId = 1000;
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
          if (!res.headersSent) sendJson(res, 500, { error: String(error) });
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

  /** Answer the next `times` matching calls with `handler` instead of the normal behaviour. */
  override(method: string, path: string | RegExp, handler: Handler, times = 1): void {
    this.overrides.push({ method, path, handler, remaining: times });
  }

  /** Registers a file under /files/ and returns its URL (a stand-in for Plume's media store). */
  addFile(name: string, type: string, bytes: Buffer): string {
    this.files.set(name, { type, bytes });
    return `${this.url}/files/${name}`;
  }

  /** Plays the user approving the authorization page: a code bound to the PKCE challenge. */
  approve(input: { clientId: string; redirectUri: string; codeChallenge: string; scope: string }): string {
    const code = `code-${this.nextId++}`;
    this.codes.set(code, {
      challenge: input.codeChallenge,
      clientId: input.clientId,
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
    sendJson(res, 401, { error: 'The access token is invalid' });
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
    if (method === 'POST' && path === '/api/v1/apps') return this.registerApp(request, res);
    if (method === 'POST' && path === '/oauth/token') return this.token(request, res);
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      if (!this.authorized(request, res)) return;
      return sendJson(
        res,
        200,
        {
          id: '109',
          username: 'alice',
          acct: 'alice',
          display_name: 'Alice',
          avatar: `${this.url}/avatars/alice.png`,
          url: `${this.url}/@alice`,
          ...this.accountCounts,
        },
        this.rateLimitHeaders,
      );
    }
    if (method === 'GET' && (path === '/api/v2/instance' || path === '/api/v1/instance')) {
      if (path === '/api/v2/instance' && !this.instanceV2)
        return sendJson(res, 404, { error: 'Record not found' });
      return sendJson(res, 200, {
        configuration: {
          statuses: {
            max_characters: this.maxCharacters,
            max_media_attachments: 4,
            characters_reserved_per_url: 23,
          },
          media_attachments: {
            image_size_limit: 16777216,
            video_size_limit: 103809024,
            description_limit: 1500,
          },
        },
      });
    }
    if (method === 'POST' && path === '/api/v2/media') return this.uploadMedia(request, res);
    const mediaMatch = /^\/api\/v1\/media\/([^/]+)$/.exec(path);
    if (method === 'GET' && mediaMatch) return this.getMedia(mediaMatch[1] ?? '', request, res);
    if (method === 'POST' && path === '/api/v1/statuses') return this.createStatus(request, res);
    const accountStatuses = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path);
    if (method === 'GET' && accountStatuses) return this.listStatuses(accountStatuses[1] ?? '', request, res);
    const statusMatch = /^\/api\/v1\/statuses\/([^/]+)$/.exec(path);
    if (method === 'GET' && statusMatch) {
      if (!this.authorized(request, res)) return;
      const status = this.statuses.get(statusMatch[1] ?? '');
      if (!status) return sendJson(res, 404, { error: 'Record not found' });
      return sendJson(res, 200, {
        id: status.id,
        replies_count: status.counts.replies,
        reblogs_count: status.counts.reblogs,
        favourites_count: status.counts.favourites,
        ...(status.counts.quotes === undefined ? {} : { quotes_count: status.counts.quotes }),
      });
    }
    sendJson(res, 404, { error: 'Record not found' });
  }

  /**
   * `GET /api/v1/accounts/:id/statuses`: newest first, `limit` (max 40), `max_id` for older
   * pages, `exclude_replies`; content rendered as HTML the way Mastodon does (a paragraph, links
   * wrapped in anchors, `&` escaped).
   */
  private listStatuses(accountId: string, request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    if (accountId !== this.accountId) return sendJson(res, 404, { error: 'Record not found' });
    const limit = Math.min(40, Number(request.query.get('limit') ?? 20));
    const maxId = request.query.get('max_id');
    const list = [...this.statuses.values()]
      .filter((status) => request.query.get('exclude_replies') !== 'true' || !status.inReplyToId)
      .filter((status) => !maxId || Number(status.id) < Number(maxId))
      .sort((a, b) => Number(b.id) - Number(a.id))
      .slice(0, limit);
    const html = (text: string) => {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const linked = escaped.replace(
        /https?:\/\/[^\s<]+/g,
        (url) => `<a href="${url}" rel="nofollow noopener noreferrer" target="_blank">${url}</a>`,
      );
      return `<p>${linked.replace(/\n/g, '<br />')}</p>`;
    };
    sendJson(
      res,
      200,
      list.map((status) => ({
        id: status.id,
        url: `${this.url}/@alice/${status.id}`,
        created_at: status.createdAt,
        content: html(status.text),
        in_reply_to_id: status.inReplyToId ?? null,
      })),
    );
  }

  private registerApp(request: RecordedRequest, res: ServerResponse): void {
    const body = request.json as
      { client_name?: string; redirect_uris?: string[] | string; scopes?: string } | undefined;
    if (!body?.client_name || !body.redirect_uris) {
      return sendJson(res, 422, { error: "Validation failed: Redirect URI can't be blank" });
    }
    const redirectUris = Array.isArray(body.redirect_uris) ? body.redirect_uris : [body.redirect_uris];
    sendJson(res, 200, {
      id: '563419',
      name: body.client_name,
      scopes: (body.scopes ?? 'read').split(' '),
      redirect_uris: redirectUris,
      client_id: 'client-id-1',
      client_secret: 'client-secret-1',
      client_secret_expires_at: 0,
    });
  }

  private token(request: RecordedRequest, res: ServerResponse): void {
    const form = request.form;
    const grant = form?.get('grant_type');
    if (form?.get('client_id') !== 'client-id-1' || form.get('client_secret') !== 'client-secret-1') {
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
    }
    const invalidGrant = () =>
      sendJson(res, 400, {
        error: 'invalid_grant',
        error_description:
          'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      });
    if (grant === 'authorization_code') {
      const stored = this.codes.get(String(form.get('code')));
      const verifier = String(form.get('code_verifier') ?? '');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!stored || stored.challenge !== challenge || stored.redirectUri !== form.get('redirect_uri'))
        return invalidGrant();
      this.codes.delete(String(form.get('code')));
      this.validTokens.add('token-new');
      return sendJson(res, 200, {
        access_token: 'token-new',
        token_type: 'Bearer',
        scope: stored.scope,
        created_at: 1573979017,
      });
    }
    if (grant === 'refresh_token') {
      if (form.get('refresh_token') !== 'refresh-1') return invalidGrant();
      this.validTokens.add('token-refreshed');
      return sendJson(res, 200, {
        access_token: 'token-refreshed',
        token_type: 'Bearer',
        scope: 'read:statuses write:statuses',
        expires_in: 3600,
      });
    }
    sendJson(res, 400, {
      error: 'unsupported_grant_type',
      error_description: 'The authorization grant type is not supported.',
    });
  }

  private uploadMedia(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const file = request.form?.get('file');
    if (!(file instanceof Blob))
      return sendJson(res, 422, {
        error: 'Validation failed: File content type is invalid, File is invalid',
      });
    const id = String(this.nextId++);
    const isVideo = file.type.startsWith('video/');
    const description = request.form?.get('description');
    this.media.set(id, {
      id,
      fileName: (file as File).name,
      type: file.type,
      size: file.size,
      description: typeof description === 'string' ? description : undefined,
      pollsUntilReady: isVideo ? this.videoPollsUntilReady : 0,
      failed: false,
    });
    // Mastodon 4.0+: images are processed synchronously (200), video asynchronously (202, url null).
    sendJson(res, isVideo ? 202 : 200, {
      id,
      type: isVideo ? 'video' : 'image',
      url: isVideo ? null : `${this.url}/media/${id}`,
      preview_url: `${this.url}/media/${id}/small`,
    });
  }

  private getMedia(id: string, request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const media = this.media.get(id);
    if (!media) return sendJson(res, 404, { error: 'Record not found' });
    if (media.failed) return sendJson(res, 422, { error: 'Validation failed: File could not be processed' });
    if (media.pollsUntilReady > 0) {
      media.pollsUntilReady -= 1;
      res.writeHead(206);
      res.end();
      return;
    }
    sendJson(res, 200, { id, type: 'video', url: `${this.url}/media/${id}` });
  }

  private createStatus(request: RecordedRequest, res: ServerResponse): void {
    if (!this.authorized(request, res)) return;
    const body = (request.json ?? {}) as { status?: string; media_ids?: string[]; in_reply_to_id?: string };
    const key = request.headers['idempotency-key'];
    const tokenKey = `${request.headers.authorization}:${String(key)}`;
    const remembered = this.idempotency.get(tokenKey);
    if (typeof key === 'string' && remembered && this.now().getTime() - remembered.at < 3_600_000) {
      const existing = this.statuses.get(remembered.id);
      if (existing)
        return sendJson(res, 200, {
          id: existing.id,
          url: `${this.url}/@alice/${existing.id}`,
          content: existing.text,
        });
    }
    const mediaIds = body.media_ids ?? [];
    if (!body.status && mediaIds.length === 0)
      return sendJson(res, 422, { error: "Validation failed: Text can't be blank" });
    if ((body.status ?? '').length > this.maxCharacters) {
      return sendJson(res, 422, {
        error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded`,
      });
    }
    for (const mediaId of mediaIds) {
      const media = this.media.get(mediaId);
      if (!media) return sendJson(res, 422, { error: 'Validation failed: Media attachments is invalid' });
      if (media.pollsUntilReady > 0) {
        return sendJson(res, 422, {
          error: 'Cannot attach files that have not finished processing. Try again in a moment!',
        });
      }
    }
    if (body.in_reply_to_id && !this.statuses.has(body.in_reply_to_id))
      return sendJson(res, 404, { error: 'Record not found' });
    const id = String(this.nextId++);
    this.statuses.set(id, {
      id,
      text: body.status ?? '',
      mediaIds,
      inReplyToId: body.in_reply_to_id,
      counts: { replies: 0, reblogs: 0, favourites: 0 },
      createdAt: this.now().toISOString(),
    });
    if (typeof key === 'string') this.idempotency.set(tokenKey, { id, at: this.now().getTime() });
    sendJson(res, 200, { id, url: `${this.url}/@alice/${id}`, content: `<p>${body.status ?? ''}</p>` });
  }
}

export async function startMastodonStandIn(): Promise<MastodonStandIn> {
  return new MastodonStandIn().start();
}
