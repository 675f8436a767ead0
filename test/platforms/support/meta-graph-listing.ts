import type { RecordedRequest, StandInReply } from './meta-graph-stand-in';

/** Graph's own time format: `2025-06-01T12:00:00+0000`. */
export const graphTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+0000');

/**
 * An edge listing an account's objects as Graph does: newest first, only the `fields` asked
 * for (plus `id`), `since`/`until` in unix seconds where the edge takes them, and cursor pages
 * of `limit` with `paging.cursors.after` and a `next` link while more remain.
 */
export function graphListing(
  request: RecordedRequest,
  items: Array<Record<string, unknown> & { id: string; at: Date }>,
  options: { timeBounds: boolean },
): StandInReply {
  const since = options.timeBounds && request.query.since ? Number(request.query.since) * 1000 : -Infinity;
  const until = options.timeBounds && request.query.until ? Number(request.query.until) * 1000 : Infinity;
  const fields = new Set(['id', ...(request.query.fields ?? '').split(',').filter(Boolean)]);
  const all = items
    .filter((item) => item.at.getTime() >= since && item.at.getTime() <= until)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const start = Number(request.query.after ?? 0);
  const limit = Number(request.query.limit ?? 25);
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    body: {
      data: page.map((item) =>
        Object.fromEntries(
          Object.entries(item).filter(([key, value]) => fields.has(key) && value !== undefined),
        ),
      ),
      paging: {
        cursors: { before: String(start), after: String(start + limit) },
        ...(more ? { next: `https://graph.example/next?after=${start + limit}` } : {}),
      },
    },
  };
}
