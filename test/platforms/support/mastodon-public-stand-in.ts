import { sendJson, startPublicServer } from './public-accounts-stand-in';

export interface PublicStatus {
  id: string;
  created_at: string;
  content: string;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  quotes_count?: number;
  in_reply_to_id?: string | null;
  reblog?: unknown;
}

export interface PublicAccount {
  id: string;
  username: string;
  display_name: string;
  followers_count: number;
  statuses_count: number;
  statuses: PublicStatus[];
}

/**
 * A Mastodon server's public, token-free reads (https://docs.joinmastodon.org/methods/accounts/):
 * `GET /api/v1/accounts/lookup?acct=` (404 `Record not found` for nobody) and
 * `GET /api/v1/accounts/:id/statuses` with `limit`, `max_id`, `exclude_replies`,
 * `exclude_reblogs`, newest first. `requireSignIn` plays a server that hides profiles (401).
 */
export async function startMastodonPublicStandIn() {
  const accounts = new Map<string, PublicAccount>();
  const state = { requireSignIn: false };
  const server = await startPublicServer((request, response) => {
    if (state.requireSignIn && !request.headers.authorization) {
      sendJson(response, 401, { error: 'This API requires an authenticated user' });
      return;
    }
    if (request.path === '/api/v1/accounts/lookup') {
      const account = accounts.get(request.query.get('acct') ?? '');
      if (!account) return sendJson(response, 404, { error: 'Record not found' });
      const { statuses: _statuses, ...entity } = account;
      return sendJson(response, 200, {
        ...entity,
        acct: account.username,
        avatar: `${server.url}/avatars/${account.id}.png`,
        url: `${server.url}/@${account.username}`,
      });
    }
    const match = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(request.path);
    const account = match && [...accounts.values()].find((a) => a.id === match[1]);
    if (!account) return sendJson(response, 404, { error: 'Record not found' });
    const limit = Math.min(40, Number(request.query.get('limit') ?? 20));
    const maxId = request.query.get('max_id');
    const list = account.statuses
      .filter((s) => request.query.get('exclude_replies') !== 'true' || !s.in_reply_to_id)
      .filter((s) => request.query.get('exclude_reblogs') !== 'true' || !s.reblog)
      .sort((a, b) => Number(b.id) - Number(a.id))
      .filter((s) => !maxId || Number(s.id) < Number(maxId))
      .slice(0, limit)
      .map((s) => ({ ...s, url: `${server.url}/@${account.username}/${s.id}` }));
    return sendJson(response, 200, list);
  });
  return { ...server, accounts, state };
}
