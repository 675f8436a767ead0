import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setContainer, type Container } from '../adapters/container';
import { createLocalAdapters } from '../adapters/local';
import { LOCAL_DOWNLOAD_PREFIX, LOCAL_UPLOAD_PATH, type LocalHttpResponse } from '../adapters/local';
import { s3StyleError } from '../adapters/local/local-http';
import { loadEnv } from '../config/env';
import { AGENT_QUEUES, type Clock } from '../core/ports';
import { createDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { AREA_HANDLERS } from '../http/areas';
import { HttpProblem, problemResponse } from '../http/problem';
import { withResponseSink } from '../http/streamed-response';
import { handler as agentHandler } from '../jobs/agent';
import { handler as backgroundHandler } from '../jobs/background';
import { handler as publishHandler } from '../jobs/publish';
import { runScheduledWork } from '../jobs/sweep';
import { toApiGatewayEvent, writeApiGatewayResult } from './api-gateway-event';
import {
  answerClientErrors,
  bodyTooLarge,
  discardRefusedBody,
  limitedServerOptions,
  MAX_LOCAL_UPLOAD_BYTES,
  MAX_REQUEST_BYTES,
  readBody,
  RequestBodyError,
  type HttpLimits,
} from './http-limits';
import { localLambdaContext } from './lambda-context';
import { listenUrl } from './listen-url';
import { LocalJobQueue } from './local-job-queue';
import { LocalPostScheduler } from './local-post-scheduler';
import { startLocalSweeper } from './local-sweeper';
import { LocalRealtime } from './local-realtime';
import { NodeResponseSink } from './response-sink';
import { RouteMatcher } from './route-matcher';
import { serveDashboard } from './static-files';
import { WebSocketGateway } from './websocket-gateway';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

export interface LocalRuntimeOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  host?: string;
  /** Where PGlite, media, the outbox and local keys live. Default `.data`. */
  dataDir?: string;
  /** A PostgreSQL URL; unset means embedded PGlite under dataDir. */
  databaseUrl?: string;
  /** The built dashboard. Default `web/dist`. */
  webDist?: string;
  clock?: Clock;
  schedulerIntervalMs?: number;
  queueSettings?: ConstructorParameters<typeof LocalJobQueue>[1];
  /** Header and whole-request timeouts (http-limits.ts); tests shorten them. */
  httpLimits?: Partial<HttpLimits>;
  /** Sees every API answer of a handler (the tests check each against the OpenAPI document). */
  onApiResponse?: (exchange: {
    method: string;
    path: string;
    result: APIGatewayProxyStructuredResultV2;
  }) => void;
  /**
   * Run the publishing sweep at start and then periodically. Default on, unless
   * PLUME_LOCAL_SWEEP=off (the test suite: its files share one database at many clocks).
   */
  sweep?: boolean;
}

export interface LocalRuntime {
  url: string;
  container: Container;
  queue: LocalJobQueue;
  scheduler: LocalPostScheduler;
  realtime: LocalRealtime;
  stop(): Promise<void>;
}

function writeLocal(response: ServerResponse, result: LocalHttpResponse): void {
  response.writeHead(result.statusCode, result.headers).end(result.body);
}

/**
 * Starts the whole platform in one process: migrations, adapters, the HTTP API through the
 * same Lambda handlers, the WebSocket API, queue workers, the scheduler and the dashboard.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const dataDir = resolve(options.dataDir ?? process.env.PLUME_DATA_DIR ?? '.data');
  const webDist = resolve(options.webDist ?? join(REPO_ROOT, 'web/dist'));
  const host = options.host ?? process.env.HOST ?? 'localhost';
  const requestedPort = options.port ?? Number(process.env.PORT ?? 3000);
  await mkdir(dataDir, { recursive: true });

  // Listen first so the public URL (links in mail, local upload URLs) names the real port;
  // requests that arrive before the platform is ready wait for it.
  let handleRequest: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async () =>
    undefined;
  let handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> = async (
    _r,
    socket,
  ) => {
    socket.destroy();
  };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  const server = createServer(limitedServerOptions(options.httpLimits), (request, response) => {
    ready
      .then(() => handleRequest(request, response))
      .catch((error: unknown) => {
        // The client went away (or its request timed out and was answered by answerClientErrors).
        if (error instanceof RequestBodyError && error.reason === 'aborted') return;
        const tooLarge = error instanceof RequestBodyError;
        const problem = tooLarge
          ? bodyTooLarge(MAX_REQUEST_BYTES)
          : error instanceof HttpProblem
            ? error
            : new HttpProblem(500, 'internal_error', 'Something went wrong on our side.');
        if (!(error instanceof HttpProblem) && !tooLarge)
          console.error('Local runtime request failed', { error: String(error) });
        if (!response.headersSent)
          writeApiGatewayResult(response, problemResponse(problem, { instance: request.url }));
        else response.end();
        if (tooLarge) discardRefusedBody(request);
      });
  });
  answerClientErrors(server);
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://local').pathname !== '/ws') {
      socket.destroy();
      return;
    }
    ready
      .then(() => handleUpgrade(request, socket, head))
      .catch((error) => {
        console.error('WebSocket upgrade failed', { error: String(error) });
        socket.destroy();
      });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const url = listenUrl(host, address.port);

  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const env = loadEnv({
    ...process.env,
    PLUME_RUNTIME: 'local',
    PLUME_DATA_DIR: dataDir,
    PUBLIC_URL: process.env.PUBLIC_URL ?? url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: undefined }),
  });
  const { localBilling: _localBilling, ...base } = await createLocalAdapters(env, {
    dataDir,
    clock: options.clock,
  });
  const { logger, clock } = base;

  const database = await createDatabase(
    databaseUrl ? { url: databaseUrl } : { dataDir: join(dataDir, 'pglite') },
  );
  await migrateDatabase(database.db, database.kind);

  const queue = new LocalJobQueue(logger, options.queueSettings);
  const scheduler = new LocalPostScheduler(database.db, queue, clock, logger);
  const realtime = new LocalRealtime(logger);
  const container: Container = { ...base, env, db: database.db, queue, scheduler, realtime };
  setContainer(container);

  queue.consume('publish', (event) => publishHandler(event, localLambdaContext('publish')));
  queue.consume('jobs', (event) => backgroundHandler(event, localLambdaContext('background')));
  for (const agentQueue of AGENT_QUEUES) {
    queue.consume(agentQueue, (event) => agentHandler(event, localLambdaContext(agentQueue)));
  }
  queue.start();
  scheduler.start(options.schedulerIntervalMs ?? 1000);
  // At start (the queue lived in memory), then periodically and when a lease runs out.
  const sweeper =
    (options.sweep ?? process.env.PLUME_LOCAL_SWEEP !== 'off')
      ? startLocalSweeper(runScheduledWork, logger, {
          intervalMs: SWEEP_INTERVAL_MS,
          now: () => clock.now().getTime(),
        })
      : undefined;

  const matcher = new RouteMatcher();
  const websockets = new WebSocketGateway(realtime, logger);
  handleUpgrade = (request, socket, head) => websockets.handleUpgrade(request, socket, head);
  handleRequest = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = request.method ?? 'GET';
    if (url.pathname === '/config.json') {
      const origin = `http://${request.headers.host ?? 'localhost'}`;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(
        JSON.stringify({
          apiUrl: '/api',
          wsUrl: `${origin.replace(/^http/, 'ws')}/ws`,
          version: env.PLUME_VERSION,
          runtime: 'local',
        }),
      );
      return;
    }
    if (url.pathname === LOCAL_UPLOAD_PATH && method === 'POST') {
      let body: Buffer;
      try {
        body = await readBody(request, MAX_LOCAL_UPLOAD_BYTES);
      } catch (error) {
        if (!(error instanceof RequestBodyError) || error.reason !== 'too-large') throw error;
        // As S3 refuses a POST beyond what it takes (here, what the local stand-in buffers).
        writeLocal(response, {
          ...s3StyleError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'),
          headers: { 'content-type': 'application/xml', connection: 'close' },
        });
        discardRefusedBody(request);
        return;
      }
      writeLocal(response, await base.media.handleLocalMediaUpload({ headers: request.headers, body }));
      return;
    }
    if (url.pathname.startsWith(LOCAL_DOWNLOAD_PREFIX) && (method === 'GET' || method === 'HEAD')) {
      writeLocal(response, await base.media.handleLocalMediaDownload(url));
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const match = matcher.match(method, url.pathname);
      if (match.kind === 'not-found')
        throw new HttpProblem(404, 'not_found', `No route ${method} ${url.pathname}.`);
      if (match.kind === 'method-not-allowed') {
        throw new HttpProblem(
          405,
          'method_not_allowed',
          `${url.pathname} accepts ${match.allow.join(', ')}.`,
          {
            headers: { allow: match.allow.join(', ') },
          },
        );
      }
      const body = await readBody(request, MAX_REQUEST_BYTES);
      const event = toApiGatewayEvent(request, body, match, new Date());
      // Locally a streamed body (an export) goes out as it is produced (http/streamed-response.ts).
      const sink = new NodeResponseSink(response);
      const result = await withResponseSink(sink, () =>
        AREA_HANDLERS[match.route.area](event, localLambdaContext(`http-${match.route.area}`)),
      );
      if (sink.started) {
        // Sent already; a failure after the headers left has cut the response off.
        if (!response.writableEnded) response.destroy();
        return;
      }
      options.onApiResponse?.({ method, path: url.pathname, result });
      writeApiGatewayResult(response, result);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpProblem(405, 'method_not_allowed');
    await serveDashboard(webDist, request, response);
  };

  markReady();
  logger.info('Plume is running', { url, database: database.kind, dataDir });

  let stopped = false;
  return {
    url,
    container,
    queue,
    scheduler,
    realtime,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await sweeper?.stop();
      scheduler.stop();
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await queue.stop();
      await database.close();
      setContainer(undefined);
    },
  };
}
