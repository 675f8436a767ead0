import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountCredentials, ConnectorContext, MediaItem } from '../../../functions/platforms/connector';

/**
 * A local stand-in for open.tiktokapis.com (Content Posting, Display and OAuth APIs) and the
 * upload host, answering with TikTok's envelopes `{ data, error: { code, message, log_id } }`,
 * status codes and the int64 post ids TikTok sends as bare JSON numbers. Every request is
 * recorded; the tests assert them as the contract. Plume media files are served under /media/*.
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
  /** Serialized as JSON unless a string or Buffer (sent as is, to control number formatting). */
  body?: unknown;
  delayMs?: number;
}

export const ACCESS_TOKEN = 'act.1';
export const REFRESHED_TOKEN = 'act.2';
export const OPEN_ID = '-000OPEN_ID_1';
export const VIDEO_PUBLISH_ID = 'v_pub_file~v2-1.7412345678901234001';
export const PHOTO_PUBLISH_ID = 'p_pub_url~v2.7412345678901234002';
/** 19 digits: beyond 2^53, so JSON.parse alone would corrupt it. */
export const VIDEO_ID = '7412345678901234567';
export const NOW = new Date('2026-11-26T12:00:00.000Z');

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };
const ok = (data: unknown): Reply => ({
  status: 200,
  headers: JSON_TYPE,
  body: { data, error: { code: 'ok', message: '', log_id: 'log-ok' } },
});
export const apiError = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Reply => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body: { data: {}, error: { code, message, log_id: `log-${code}` } },
});
/** A status/fetch answer written by hand so the post id stays a bare 19-digit number. */
export const statusReply = (status: string, extra = ''): Reply => ({
  status: 200,
  headers: JSON_TYPE,
  body: `{"data":{"status":"${status}"${extra}},"error":{"code":"ok","message":"","log_id":"log-status"}}`,
});

export interface TikTokStandin {
  url: string;
  requests: RecordedRequest[];
  override(route: string, reply: Reply): void;
  /** Answers of POST /v2/post/publish/status/fetch/, in order; the last one repeats. */
  statuses: Reply[];
  creatorInfo: Record<string, unknown>;
  rotateRefreshToken: boolean;
  media: Map<string, Buffer>;
  /** Bytes received by the upload URL, in order. */
  uploaded: Buffer[];
  /** The creator's videos, as the Display API lists them (public ones only). */
  videos: { id: string; title: string; privacy: string; createTime: number }[];
  /** The network's clock, for `create_time`. */
  now: () => Date;
  find(route: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startTikTokStandin(): Promise<TikTokStandin> {
  const requests: RecordedRequest[] = [];
  const overrides = new Map<string, Reply[]>();
  let statusIndex = 0;
  let uploadExpected: { size: number; received: number } | undefined;
  let base = '';

  const state = {
    statuses: [
      statusReply('PROCESSING_UPLOAD'),
      statusReply('PUBLISH_COMPLETE', `,"publicaly_available_post_id":[${VIDEO_ID}],"uploaded_bytes":10`),
    ],
    creatorInfo: {
      creator_avatar_url: 'https://p16.tiktokcdn.com/avatar.jpeg',
      creator_username: 'plume.creator',
      creator_nickname: 'Plume Creator',
      privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      comment_disabled: false,
      duet_disabled: true,
      stitch_disabled: false,
      max_video_post_duration_sec: 300,
    } as Record<string, unknown>,
    rotateRefreshToken: false,
    media: new Map<string, Buffer>(),
    uploaded: [] as Buffer[],
    videos: [] as TikTokStandin['videos'],
    now: () => new Date(),
  };

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
    if (key === 'POST /v2/oauth/token/') {
      const form = request.form ?? new URLSearchParams();
      const grant = form.get('grant_type');
      if (
        grant === 'authorization_code' &&
        form.get('code') === 'good-code' &&
        form.get('client_secret') === 'secret'
      ) {
        return {
          status: 200,
          headers: JSON_TYPE,
          body: {
            access_token: ACCESS_TOKEN,
            expires_in: 86400,
            open_id: OPEN_ID,
            refresh_expires_in: 31536000,
            refresh_token: 'rft.1',
            scope: 'user.info.basic,user.info.profile,video.publish,video.list',
            token_type: 'Bearer',
          },
        };
      }
      if (grant === 'refresh_token' && form.get('refresh_token') === 'rft.1') {
        return {
          status: 200,
          headers: JSON_TYPE,
          body: {
            access_token: REFRESHED_TOKEN,
            expires_in: 86400,
            open_id: OPEN_ID,
            scope: 'user.info.basic,video.publish',
            token_type: 'Bearer',
            ...(state.rotateRefreshToken ? { refresh_token: 'rft.2', refresh_expires_in: 31000000 } : {}),
          },
        };
      }
      return {
        status: 400,
        headers: JSON_TYPE,
        body: {
          error: 'invalid_grant',
          error_description: 'Authorization code is expired.',
          log_id: 'log-grant',
        },
      };
    }
    if (request.method === 'PUT' && request.path === '/upload/') {
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(request.headers['content-range'] ?? ''));
      if (
        !range ||
        !uploadExpected ||
        Number(range[1]) !== uploadExpected.received ||
        Number(range[3]) !== uploadExpected.size ||
        Number(range[2]) - Number(range[1]) + 1 !== request.body.length
      ) {
        return apiError(416, 'invalid_params', 'Content-Range does not match the upload');
      }
      state.uploaded.push(request.body);
      uploadExpected.received += request.body.length;
      return { status: uploadExpected.received === uploadExpected.size ? 201 : 206 };
    }

    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (token !== ACCESS_TOKEN && token !== REFRESHED_TOKEN) {
      return apiError(
        401,
        'access_token_invalid',
        'The access token is invalid or not found in the request.',
      );
    }
    if (key === 'GET /v2/user/info/') {
      const user: Record<string, string | number> = {
        // The user.info.stats fields (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info).
        follower_count: 8800,
        following_count: 120,
        likes_count: 150000,
        video_count: 64,
        open_id: OPEN_ID,
        union_id: 'union-1',
        avatar_url: 'https://p16.tiktokcdn.com/avatar.jpeg',
        display_name: 'Plume Creator',
        username: 'plume.creator',
        profile_deep_link: 'https://vm.tiktok.com/plume',
      };
      const fields = (request.query.get('fields') ?? '').split(',');
      return ok({
        user: Object.fromEntries(Object.entries(user).filter(([field]) => fields.includes(field))),
      });
    }
    if (key === 'POST /v2/post/publish/creator_info/query/') return ok(state.creatorInfo);
    if (key === 'POST /v2/post/publish/video/init/') {
      const source =
        (
          request.json as {
            source_info?: {
              source?: string;
              video_size?: number;
              chunk_size?: number;
              total_chunk_count?: number;
            };
          }
        ).source_info ?? {};
      const { video_size: size = 0, chunk_size: chunk = 0, total_chunk_count: count = 0 } = source;
      if (
        source.source !== 'FILE_UPLOAD' ||
        !size ||
        !chunk ||
        count !== Math.max(1, Math.floor(size / chunk))
      ) {
        return apiError(400, 'invalid_params', 'total_chunk_count must equal floor(video_size / chunk_size)');
      }
      uploadExpected = { size, received: 0 };
      statusIndex = 0;
      const postInfo = (request.json as { post_info?: { title?: string; privacy_level?: string } }).post_info;
      state.videos.push({
        id: VIDEO_ID,
        title: postInfo?.title ?? '',
        privacy: postInfo?.privacy_level ?? 'SELF_ONLY',
        createTime: Math.floor(state.now().getTime() / 1000),
      });
      return ok({
        publish_id: VIDEO_PUBLISH_ID,
        upload_url: `${base}/upload/?upload_id=67890&upload_token=Xza123`,
      });
    }
    if (key === 'POST /v2/post/publish/content/init/') {
      statusIndex = 0;
      return ok({ publish_id: PHOTO_PUBLISH_ID });
    }
    if (key === 'POST /v2/post/publish/status/fetch/') {
      const reply = state.statuses[Math.min(statusIndex, state.statuses.length - 1)]!;
      statusIndex += 1;
      return reply;
    }
    if (key === 'POST /v2/video/list/') {
      // https://developers.tiktok.com/doc/tiktok-api-v2-video-list: public videos, newest first;
      // the cursor is a time in ms ("videos posted before"), descriptions cut at 150 characters.
      const body = (request.json ?? {}) as { max_count?: number; cursor?: number };
      const count = Math.min(20, body.max_count ?? 10);
      const fields = (request.query.get('fields') ?? '').split(',');
      const listed = state.videos
        .filter((video) => video.privacy === 'PUBLIC_TO_EVERYONE')
        .filter((video) => body.cursor === undefined || video.createTime * 1000 < body.cursor)
        .sort((a, b) => b.createTime - a.createTime);
      const page = listed.slice(0, count);
      const shown = page.map((video) =>
        Object.fromEntries(
          Object.entries({
            id: video.id,
            title: video.title.slice(0, 150),
            video_description: video.title.slice(0, 150),
            create_time: video.createTime,
            share_url: `https://www.tiktok.com/@plume.creator/video/${video.id}`,
          }).filter(([field]) => fields.includes(field)),
        ),
      );
      return ok({
        videos: shown,
        cursor: page.length > 0 ? page.at(-1)!.createTime * 1000 : (body.cursor ?? 0),
        has_more: listed.length > count,
      });
    }
    if (key === 'POST /v2/video/query/') {
      const ids = (request.json as { filters: { video_ids: string[] } }).filters.video_ids;
      return ok({
        videos: ids
          .filter((id) => id === VIDEO_ID)
          .map((id) => ({ id, view_count: 1500, like_count: 120, comment_count: 14, share_count: 9 })),
        cursor: 0,
        has_more: false,
      });
    }
    return apiError(404, 'not_found', `No stand-in for ${key}`);
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
            : typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
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

export function tiktokTestContext(
  standin: TikTokStandin,
  timeoutMs = 2_000,
): ConnectorContext & { logs: string[] } {
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  return {
    fetch: globalThis.fetch,
    clock: { now: () => NOW },
    logger: { debug: log, info: log, warn: log, error: log },
    endpoints: { api: standin.url, auth: standin.url },
    timeoutMs,
    logs,
  };
}

export function creatorCredentials(overrides: Partial<AccountCredentials> = {}): AccountCredentials {
  return {
    accountId: OPEN_ID,
    handle: 'plume.creator',
    accessToken: ACCESS_TOKEN,
    scopes: ['user.info.basic', 'video.publish', 'video.list'],
    ...overrides,
  };
}

export function mediaFile(
  standin: TikTokStandin,
  name: string,
  bytes: Buffer,
  item: Partial<MediaItem> = {},
): MediaItem {
  standin.media.set(name, bytes);
  return {
    id: name,
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: bytes.length,
    durationSeconds: 30,
    url: `${standin.url}/media/${name}`,
    ...item,
  };
}
