import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { readServerConfig, sendToParent, serveCalls, STOP } from './server-messages';

/**
 * Child process: the floor Plume is compared with. A bare node:http server that does the
 * same database work as /api/health (one `select 1`) through the driver directly, and
 * serves the same OpenAPI bytes as a constant. No routing, validation, middleware or
 * event shaping: the gap to Plume is the cost of those layers.
 */
type SelectOne = () => Promise<unknown>;

async function openDatabase(
  url: string | undefined,
  dataDir: string,
): Promise<{ selectOne: SelectOne; close(): Promise<void> }> {
  if (url) {
    // The same pool size the local runtime gives postgres.js outside Lambda.
    const sql = postgres(url, { max: 10, onnotice: () => undefined });
    return { selectOne: () => sql`select 1`, close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  await mkdir(dataDir, { recursive: true });
  const db = new PGlite(join(dataDir, 'pglite'));
  await db.waitReady;
  return { selectOne: () => db.query('select 1'), close: () => db.close() };
}

try {
  const config = readServerConfig();
  const database = await openDatabase(config.databaseUrl, config.dataDir);
  const openApi = config.openApiFile ? await readFile(config.openApiFile) : Buffer.from('{}');

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.url === '/health') {
      const started = performance.now();
      await database.selectOne();
      const body = JSON.stringify({
        status: 'ok',
        time: new Date().toISOString(),
        database: { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      });
      response
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .end(body);
      return;
    }
    if (request.url === '/openapi.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(openApi);
      return;
    }
    response.writeHead(404).end();
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(503);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serveCalls({ 'cpu-usage': async () => process.cpuUsage() });
  process.on('message', (message) => {
    if (message !== STOP) return;
    server.closeAllConnections();
    server.close();
    database.close().finally(() => process.exit(0));
  });
  const { port } = server.address() as AddressInfo;
  sendToParent({
    type: 'ready',
    url: `http://127.0.0.1:${port}`,
    database: config.databaseUrl ? 'postgres' : 'pglite',
  });
} catch (error) {
  sendToParent({ type: 'failed', error: String((error as Error).stack ?? error) });
  process.exit(1);
}
