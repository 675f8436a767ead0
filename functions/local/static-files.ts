import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built dashboard like the CloudFront distribution does: hashed assets cached
 * forever, and any extension-less path falls back to index.html (the SPA function).
 */
export async function serveDashboard(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
  const candidate = normalize(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) {
    response.writeHead(404).end();
    return;
  }
  const isAsset = extname(pathname) !== '';
  const file = isAsset ? candidate : join(root, 'index.html');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (!isAsset && pathname === '/') {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The dashboard is not built. Run `npm run build:web` (npm start does it for you).\n');
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
