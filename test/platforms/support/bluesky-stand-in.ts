import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../functions/core/ports';

/** One request as a stand-in received it; tests assert on these (they are the contract). */
export interface RecordedRequest {
  server: string;
  method: string;
  nsid: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json?: Record<string, unknown>;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

export function xrpcError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error, message }, headers);
}

/** An unsigned JWT with the claims a PDS puts in session tokens (the connector only decodes them). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256K', typ: 'at+jwt' })}.${part(claims)}.c2lnbmF0dXJl`;
}

export interface VideoJob {
  jobId: string;
  /** getJobStatus answers "in progress" this many times before the outcome. */
  pollsLeft: number;
  outcome: 'completed' | 'failed';
  blob: { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };
}

/**
 * The Bluesky network as Plume sees it, shared by several stand-in servers (entryway, PDS,
 * video service, AppView): one account, its sessions, repository, blobs and video jobs,
 * following the documented XRPC contracts and error bodies.
 */
export class BlueskyWorld {
  readonly did = 'did:plc:alice';
  readonly handle = 'alice.bsky.social';
  readonly appPassword = 'abcd-efgh-ijkl-mnop';
  readonly accountPassword = 'correct horse battery staple';
  /** Where the DID document says the repository lives; defaults to the server answering. */
  pdsUrl?: string;
  accountStatus?: 'takendown' | 'deactivated';
  /** Whether refreshSession returns a new refresh token (Bluesky rotates; the connector must cope without). */
  rotateRefreshTokens = true;
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  readonly handles = new Map<string, string>([['bob.bsky.social', 'did:plc:bob']]);
  readonly records = new Map<string, { cid: string; value: Record<string, unknown> }>();
  readonly blobs = new Map<string, { mimeType: string; bytes: Buffer }>();
  readonly files = new Map<string, { type: string; bytes: Buffer }>();
  readonly jobs = new Map<string, VideoJob>();
  /** What the video service answers to getUploadLimits. */
  uploadLimits: Record<string, unknown> = {
    canUpload: true,
    remainingDailyVideos: 25,
    remainingDailyBytes: 10_000_000_000,
  };
  /** Polls before a new video job completes, and how it ends. */
  videoPolls = 2;
  videoOutcome: 'completed' | 'failed' = 'completed';
  readonly counts = new Map<string, Record<string, number>>();
  /** The account's counts as the AppView's getProfile answers them. */
  profileCounts: Record<string, number> = { followersCount: 1200, followsCount: 180, postsCount: 342 };
  /** The AppView's rate-limit headers on getProfile (ratelimit-limit/remaining/reset, epoch seconds). */
  rateLimitHeaders: Record<string, string> = {};
  private sequence = 0;

  constructor(readonly clock: Clock) {}

  next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  issueSession(scope: string): { accessJwt: string; refreshJwt: string } {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const n = this.next();
    const accessJwt = fakeJwt({ scope, sub: this.did, iat: now, exp: now + 7200, n });
    const refreshJwt = fakeJwt({
      scope: 'com.atproto.refresh',
      sub: this.did,
      iat: now,
      exp: now + 90 * 86400,
      jti: `r${n}`,
    });
    this.accessTokens.add(accessJwt);
    this.refreshTokens.add(refreshJwt);
    return { accessJwt, refreshJwt };
  }

  cidOf(bytes: Buffer | string): string {
    return `bafyrei${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}`;
  }
}

interface Override {
  nsid: string;
  handler: Handler;
  remaining: number;
}

export class BlueskyStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly overrides: Override[] = [];
  private server?: Server;
  url = '';

  constructor(
    readonly world: BlueskyWorld,
    readonly name: string,
  ) {}

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
          if (!res.headersSent) xrpcError(res, 500, 'InternalServerError', String(error));
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

  /** Answers the next `times` calls of `nsid` with `handler` instead of the normal behaviour. */
  override(nsid: string, handler: Handler, times = 1): void {
    this.overrides.push({ nsid, handler, remaining: times });
  }

  /** Answers the next call of `nsid` only after `ms`, to outlast the connector's timeout. */
  delay(nsid: string, ms: number): void {
    this.override(nsid, async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (!response.destroyed) await this.route(request, response);
    });
  }

  calls(nsid: string): RecordedRequest[] {
    return this.requests.filter((request) => request.nsid === nsid);
  }

  addFile(name: string, type: string, bytes: Buffer): string {
    this.world.files.set(name, { type, bytes });
    return `${this.url}/files/${name}`;
  }

  private async dispatch(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    raw: Buffer,
    res: ServerResponse,
  ) {
    const url = new URL(rawUrl, 'http://stand-in');
    const nsid = url.pathname.startsWith('/xrpc/') ? url.pathname.slice('/xrpc/'.length) : '';
    const request: RecordedRequest = {
      server: this.name,
      method,
      nsid,
      path: url.pathname,
      query: url.searchParams,
      headers,
      raw,
    };
    if ((headers['content-type'] ?? '').includes('application/json') && raw.length > 0) {
      request.json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    }
    this.requests.push(request);
    const override = this.overrides.find((candidate) => candidate.remaining > 0 && candidate.nsid === nsid);
    if (override) {
      override.remaining -= 1;
      await override.handler(request, res);
      return;
    }
    await this.route(request, res);
  }

  private bearer(request: RecordedRequest): string {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') ? header.slice(7) : '';
  }

  /** Access-token check as a PDS does it: missing → 401, unknown → 400 InvalidToken. */
  private authorized(request: RecordedRequest, res: ServerResponse): boolean {
    const token = this.bearer(request);
    if (!token) {
      xrpcError(res, 401, 'AuthMissing', 'Authentication Required');
      return false;
    }
    if (!this.world.accessTokens.has(token)) {
      xrpcError(res, 400, 'InvalidToken', 'Token could not be verified');
      return false;
    }
    return true;
  }

  private sessionBody(tokens: { accessJwt: string; refreshJwt?: string }) {
    const world = this.world;
    return {
      ...tokens,
      handle: world.handle,
      did: world.did,
      didDoc: {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: world.did,
        alsoKnownAs: [`at://${world.handle}`],
        service: [
          {
            id: '#atproto_pds',
            type: 'AtprotoPersonalDataServer',
            serviceEndpoint: world.pdsUrl ?? this.url,
          },
        ],
      },
      email: 'alice@example.com',
      emailConfirmed: true,
      active: world.accountStatus === undefined,
      ...(world.accountStatus ? { status: world.accountStatus } : {}),
    };
  }

  /** The documented behaviour; overrides can fall back to it. */
  async route(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const world = this.world;
    if (request.method === 'GET' && request.path.startsWith('/files/')) {
      const file = world.files.get(request.path.slice('/files/'.length));
      if (!file) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    switch (request.nsid) {
      case 'com.atproto.server.createSession': {
        const body = request.json ?? {};
        const known = body.identifier === world.handle || body.identifier === world.did;
        const password = body.password;
        if (!known || (password !== world.appPassword && password !== world.accountPassword)) {
          return xrpcError(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
        }
        const scope = password === world.appPassword ? 'com.atproto.appPass' : 'com.atproto.access';
        return sendJson(res, 200, this.sessionBody(world.issueSession(scope)));
      }
      case 'com.atproto.server.refreshSession': {
        const token = this.bearer(request);
        if (!world.refreshTokens.has(token)) return xrpcError(res, 400, 'ExpiredToken', 'Token has expired');
        const issued = world.issueSession('com.atproto.appPass');
        if (world.rotateRefreshTokens) world.refreshTokens.delete(token);
        else world.refreshTokens.delete(issued.refreshJwt);
        return sendJson(
          res,
          200,
          this.sessionBody(world.rotateRefreshTokens ? issued : { accessJwt: issued.accessJwt }),
        );
      }
      case 'com.atproto.server.deleteSession': {
        world.refreshTokens.delete(this.bearer(request));
        res.writeHead(200).end();
        return;
      }
      case 'com.atproto.repo.getRecord': {
        const rkey = request.query.get('rkey');
        if (request.query.get('collection') === 'app.bsky.actor.profile' && rkey === 'self') {
          return sendJson(res, 200, {
            uri: `at://${world.did}/app.bsky.actor.profile/self`,
            cid: 'bafyreiprofile',
            value: {
              $type: 'app.bsky.actor.profile',
              displayName: 'Alice',
              avatar: { $type: 'blob', ref: { $link: 'bafkreiavatar' }, mimeType: 'image/jpeg', size: 1234 },
            },
          });
        }
        return xrpcError(res, 400, 'RecordNotFound', 'Could not locate record');
      }
      case 'com.atproto.repo.listRecords': {
        // Newest first, as the PDS lists by record key; the cursor is the last URI of a page.
        const prefix = `at://${request.query.get('repo')}/${request.query.get('collection')}/`;
        const all = [...world.records.entries()].filter(([uri]) => uri.startsWith(prefix)).reverse();
        if (request.query.get('reverse') === 'true') all.reverse();
        const after = request.query.get('cursor');
        const start = after ? all.findIndex(([uri]) => uri === after) + 1 : 0;
        const limit = Math.min(100, Number(request.query.get('limit') ?? 50));
        const slice = all.slice(start, start + limit);
        return sendJson(res, 200, {
          records: slice.map(([uri, record]) => ({ uri, cid: record.cid, value: record.value })),
          ...(start + limit < all.length ? { cursor: slice.at(-1)?.[0] } : {}),
        });
      }
      case 'com.atproto.identity.resolveHandle': {
        const did = world.handles.get(request.query.get('handle') ?? '');
        return did
          ? sendJson(res, 200, { did })
          : xrpcError(res, 400, 'InvalidRequest', 'Unable to resolve handle');
      }
      case 'com.atproto.repo.uploadBlob': {
        if (!this.authorized(request, res)) return;
        const mimeType = String(request.headers['content-type'] ?? 'application/octet-stream');
        const cid = world.cidOf(request.raw).replace('bafyrei', 'bafkrei');
        world.blobs.set(cid, { mimeType, bytes: request.raw });
        return sendJson(res, 200, {
          blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.raw.length },
        });
      }
      case 'com.atproto.repo.createRecord': {
        if (!this.authorized(request, res)) return;
        const body = request.json ?? {};
        if (body.repo !== world.did) return xrpcError(res, 400, 'InvalidRequest', 'Invalid repo');
        const value = body.record as Record<string, unknown>;
        const uri = `at://${world.did}/${String(body.collection)}/3l${String(world.next()).padStart(11, 'a')}`;
        const cid = world.cidOf(JSON.stringify(value));
        world.records.set(uri, { cid, value });
        return sendJson(res, 200, {
          uri,
          cid,
          commit: { cid: 'bafyreicommit', rev: '3l' },
          validationStatus: 'valid',
        });
      }
      case 'com.atproto.server.getServiceAuth': {
        if (!this.authorized(request, res)) return;
        const aud = request.query.get('aud');
        const lxm = request.query.get('lxm');
        return sendJson(res, 200, {
          token: fakeJwt({ iss: world.did, aud, lxm, exp: Number(request.query.get('exp')) }),
        });
      }
      case 'app.bsky.video.getUploadLimits':
        return sendJson(res, 200, world.uploadLimits);
      case 'app.bsky.video.uploadVideo': {
        const jobId = `job-${world.next()}`;
        const cid = world.cidOf(request.raw).replace('bafyrei', 'bafkrei');
        const blob = {
          $type: 'blob' as const,
          ref: { $link: cid },
          mimeType: 'video/mp4',
          size: Math.max(1, request.raw.length - 10),
        };
        world.jobs.set(jobId, { jobId, pollsLeft: world.videoPolls, outcome: world.videoOutcome, blob });
        // The live service answers with the JobStatus itself (social-app reads `jobId` at the top level).
        return sendJson(res, 200, { jobId, did: request.query.get('did'), state: 'JOB_STATE_CREATED' });
      }
      case 'app.bsky.video.getJobStatus': {
        const job = world.jobs.get(request.query.get('jobId') ?? '');
        if (!job) return xrpcError(res, 404, 'NotFound', 'job not found');
        if (job.pollsLeft > 0) {
          job.pollsLeft -= 1;
          return sendJson(res, 200, {
            jobStatus: { jobId: job.jobId, did: world.did, state: 'JOB_STATE_ENCODING', progress: 50 },
          });
        }
        if (job.outcome === 'failed') {
          return sendJson(res, 200, {
            jobStatus: {
              jobId: job.jobId,
              did: world.did,
              state: 'JOB_STATE_FAILED',
              error: 'Video is too long',
              failureCode: 'validation_failure',
              message: 'Video is too long',
            },
          });
        }
        return sendJson(res, 200, {
          jobStatus: {
            jobId: job.jobId,
            did: world.did,
            state: 'JOB_STATE_COMPLETED',
            progress: 100,
            blob: job.blob,
          },
        });
      }
      case 'app.bsky.actor.getProfile': {
        const actor = request.query.get('actor');
        if (actor !== world.did && actor !== world.handle)
          return xrpcError(res, 400, 'InvalidRequest', 'Profile not found');
        return sendJson(
          res,
          200,
          { did: world.did, handle: world.handle, ...world.profileCounts },
          world.rateLimitHeaders,
        );
      }
      case 'app.bsky.feed.getPosts': {
        const posts = request.query
          .getAll('uris')
          .filter((uri) => world.counts.has(uri))
          .map((uri) => ({ uri, cid: 'bafyreipost', ...world.counts.get(uri) }));
        return sendJson(res, 200, { posts });
      }
      default:
        return xrpcError(res, 501, 'MethodNotImplemented', `Method Not Implemented: ${request.nsid}`);
    }
  }
}

/** Entryway, PDS and video service (which also plays the AppView) sharing one world. */
export async function startBlueskyStandIns(clock: Clock) {
  const world = new BlueskyWorld(clock);
  const [entryway, pds, video] = await Promise.all([
    new BlueskyStandIn(world, 'entryway').start(),
    new BlueskyStandIn(world, 'pds').start(),
    new BlueskyStandIn(world, 'video').start(),
  ]);
  world.pdsUrl = pds.url;
  return {
    world,
    entryway,
    pds,
    video,
    close: () => Promise.all([entryway.close(), pds.close(), video.close()]),
  };
}
