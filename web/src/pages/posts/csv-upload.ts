import type { Middleware } from 'openapi-fetch';
import { unwrap, type ApiClient } from '../../api/client';

/**
 * The contract declares no request body for bulk-schedule (the operation reads the raw
 * body itself), so the typed client is given the CSV through a one-request middleware that
 * runs after the bearer-token one: same client, same auth, same 401 retry and problem handling.
 */
function csvBody(text: string): Middleware {
  return {
    onRequest({ request }) {
      const headers = new Headers(request.headers);
      headers.set('content-type', 'text/csv');
      return new Request(request, { body: text, headers });
    },
  };
}

/** POST /posts/bulk-schedule with a CSV file; resolves to the posts created (all or nothing). */
export async function uploadScheduleCsv(api: ApiClient, text: string) {
  const result = await unwrap(api.POST('/posts/bulk-schedule', { middleware: [csvBody(text)] }));
  return result.posts;
}
