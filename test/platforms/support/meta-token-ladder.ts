import {
  bearer,
  INVALID_TOKEN,
  type GraphStandIn,
  type RecordedRequest,
  type StandInReply,
} from './meta-graph-stand-in';

/** What Instagram and Threads answer for `expires_in` on a 60-day token. */
export const LONG_LIVED_SECONDS = 5_183_944;

export interface TokenLadder {
  /** `ig_exchange_token`, `th_exchange_token`. */
  exchangeGrant: string;
  /** `ig_refresh_token`, `th_refresh_token`. */
  refreshGrant: string;
  clientSecret: string;
  tokens: { short: string; long: string; refreshed: string };
  /** How the network refuses a long-lived exchange it cannot honour. */
  refusedExchange: StandInReply;
}

/**
 * The unversioned token endpoints Instagram and Threads share in shape: `GET /access_token`
 * turns the short-lived token into the long-lived one, `GET /refresh_access_token` renews the
 * token currently valid (`state.validToken`), which then becomes the only one accepted.
 */
export function routeTokenLadder(
  server: GraphStandIn,
  ladder: TokenLadder,
  state: { validToken: string },
): void {
  const longLived = (token: string): StandInReply => ({
    body: { access_token: token, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS },
  });
  server
    .route('GET', /^\/access_token$/, (request) => {
      const { grant_type, client_secret, access_token } = request.query;
      if (
        grant_type !== ladder.exchangeGrant ||
        client_secret !== ladder.clientSecret ||
        access_token !== ladder.tokens.short
      ) {
        return ladder.refusedExchange;
      }
      return longLived(ladder.tokens.long);
    })
    .route('GET', /^\/refresh_access_token$/, (request) => {
      if (request.query.grant_type !== ladder.refreshGrant || request.query.access_token !== state.validToken)
        return INVALID_TOKEN;
      state.validToken = ladder.tokens.refreshed;
      return longLived(ladder.tokens.refreshed);
    });
}

type SyncHandler = (request: RecordedRequest, match: RegExpMatchArray) => StandInReply;

/** Wraps a handler so that only the currently valid bearer token reaches it (code 190 otherwise). */
export function bearerGuard(state: { validToken: string }): (handler: SyncHandler) => SyncHandler {
  return (handler) => (request, match) =>
    bearer(request) === state.validToken ? handler(request, match) : INVALID_TOKEN;
}
