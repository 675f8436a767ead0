import { listen, type Listening, type StandInResponse } from '../../adapters/support/stand-in-http';

/**
 * A Mastodon instance's notifications API as documented
 * (https://docs.joinmastodon.org/methods/notifications/#get): `GET /api/v1/notifications`
 * with `types[]`, `limit` (default 40, at most 80), `max_id` (older than), `since_id` (newer
 * than, newest first) and `min_id` (the page immediately newer than, still sorted newest
 * first); a token without `read:notifications` (or `read`) is refused 403 "This action is
 * outside the authorized scopes", an unknown token 401, and `rateLimitedUntil` answers 429 with
 * `X-RateLimit-Reset`. Ids are decimal strings compared as numbers, as Mastodon's snowflakes.
 */
export interface StandInNotification {
  id: string;
  type: 'mention' | 'favourite' | 'follow' | 'reblog';
  created_at: string;
  account: { id: string; acct: string; display_name: string };
  status?: {
    id: string;
    content: string;
    url: string;
    in_reply_to_id: string | null;
    in_reply_to_account_id: string | null;
    visibility: string;
  };
}

export interface MastodonNotificationsStandIn extends Listening {
  notifications: StandInNotification[];
  /** Token -> granted scopes. */
  tokens: Map<string, string[]>;
  /** When set, every call is refused 429 until this reset (sent as `X-RateLimit-Reset`). */
  rateLimitedUntil: Date | null;
  /** Query strings of the calls, in order. */
  calls: string[];
}

const byId = (a: { id: string }, b: { id: string }) =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function json(
  response: StandInResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startMastodonNotificationsStandIn(): Promise<MastodonNotificationsStandIn> {
  const state = {
    notifications: [] as StandInNotification[],
    tokens: new Map<string, string[]>(),
    rateLimitedUntil: null as Date | null,
    calls: [] as string[],
  };
  const server = await listen(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (request.method !== 'GET' || url.pathname !== '/api/v1/notifications')
      return json(response, 404, { error: 'Record not found' });
    state.calls.push(url.search);
    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const scopes = token ? state.tokens.get(token) : undefined;
    if (!scopes) return json(response, 401, { error: 'The access token is invalid' });
    if (!scopes.some((s) => s === 'read' || s === 'read:notifications'))
      return json(response, 403, { error: 'This action is outside the authorized scopes' });
    if (state.rateLimitedUntil)
      return json(
        response,
        429,
        { error: 'Too many requests' },
        { 'x-ratelimit-reset': state.rateLimitedUntil.toISOString() },
      );
    const types = url.searchParams.getAll('types[]');
    const limit = Math.min(80, Number(url.searchParams.get('limit') ?? 40));
    const maxId = url.searchParams.get('max_id');
    const sinceId = url.searchParams.get('since_id');
    const minId = url.searchParams.get('min_id');
    let items = state.notifications
      .filter((n) => types.length === 0 || types.includes(n.type))
      .filter((n) => !maxId || byId(n, { id: maxId }) < 0)
      .filter((n) => !sinceId || byId(n, { id: sinceId }) > 0)
      .filter((n) => !minId || byId(n, { id: minId }) > 0)
      .sort(byId);
    // min_id: the oldest `limit` after it; otherwise the newest `limit`. Either way newest first.
    items = minId ? items.slice(0, limit) : items.slice(-limit);
    return json(response, 200, items.reverse());
  });
  return Object.assign(state, server);
}
