import { unwrap, type ApiClient } from '../../api/client';

/**
 * POST /posts/bulk-schedule with a CSV file, as the contract's `text/csv` body (the operation
 * reads the raw body itself); resolves to the posts created (all or nothing).
 */
export async function uploadScheduleCsv(api: ApiClient, text: string) {
  const result = await unwrap(
    api.POST('/posts/bulk-schedule', {
      body: text,
      // Sent as it is: the default serializer would JSON-encode the text.
      bodySerializer: (body) => body as string,
      headers: { 'content-type': 'text/csv' },
    }),
  );
  return result.posts;
}
