import { sql } from 'drizzle-orm';
import type { Operation } from '../operation';
import { renderApiReference } from '../api-reference';
import { buildOpenApiDocument } from '../openapi';

/** 503 when the database is unreachable, so monitors notice; the body says what failed. */
export const getHealth: Operation<'getHealth'> = async (_input, { container }) => {
  const started = performance.now();
  let database: { ok: boolean; latencyMs?: number; error?: string };
  try {
    await container.db.execute(sql`select 1`);
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    container.logger.warn('Health check: database unreachable', { error });
    database = { ok: false, error: 'database unreachable' };
  }
  return {
    status: database.ok ? 200 : 503,
    body: {
      status: database.ok ? 'ok' : 'degraded',
      version: container.env.PLUME_VERSION,
      time: container.clock.now().toISOString(),
      database,
    },
  };
};

let openApiCache: { json: string; html: string } | undefined;

function documents(version: string): { json: string; html: string } {
  if (!openApiCache) {
    const document = buildOpenApiDocument({ version });
    openApiCache = { json: JSON.stringify(document), html: renderApiReference(document) };
  }
  return openApiCache;
}

export const getOpenApiDocument: Operation<'getOpenApiDocument'> = async (_input, { container }) => ({
  text: documents(container.env.PLUME_VERSION).json,
  contentType: 'application/json; charset=utf-8',
  headers: { 'cache-control': 'public, max-age=300' },
});

export const getApiReference: Operation<'getApiReference'> = async (_input, { container }) => ({
  text: documents(container.env.PLUME_VERSION).html,
  contentType: 'text/html; charset=utf-8',
  headers: {
    'cache-control': 'public, max-age=300',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  },
});
