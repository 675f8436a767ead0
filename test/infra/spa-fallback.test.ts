import { describe, expect, it } from 'vitest';
import { SPA_FALLBACK_CODE } from '../../lib/dashboard';

interface ViewerRequest {
  uri: string;
}

/** Runs the CloudFront Function source exactly as deployed (plain ES5 `handler`). */
function runFallback(uri: string): string {
  const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (event: {
    request: ViewerRequest;
  }) => ViewerRequest;
  return handler({ request: { uri } }).uri;
}

describe('SPA fallback CloudFront Function', () => {
  it.each(['/', '/calendar', '/posts/123', '/settings/', '/v1.2/reports'])(
    'serves the app shell for %s',
    (uri) => {
      expect(runFallback(uri)).toBe('/index.html');
    },
  );

  it.each([
    '/index.html',
    '/config.json',
    '/assets/index-4f3a.js',
    '/favicon.svg',
    '/assets/fonts/inter.woff2',
  ])('leaves the file %s alone', (uri) => {
    expect(runFallback(uri)).toBe(uri);
  });
});
