import * as z from 'zod';
import type { ConnectorContext, Platform } from '../connector';
import { graphRequest, type GraphParams } from './graph-request';

const tokenFields = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  // Seconds until expiry; Facebook omits it for tokens that do not expire.
  expires_in: z.coerce.number().positive().optional(),
  // Instagram Login lists the granted scopes, as an array or a comma-separated string.
  permissions: z.union([z.array(z.string()), z.string()]).optional(),
});

/**
 * Instagram's code exchange has been documented both flat and wrapped in `data: [...]`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login),
 * so both are accepted. Numeric `user_id`s in these answers exceed 2^53 and lose digits in
 * JSON.parse: account ids are always read from `/me` instead.
 */
const tokenResponse = z.union([
  tokenFields,
  z.object({ data: z.array(tokenFields).min(1) }).transform((body) => body.data[0]!),
]);

export interface ExchangedToken {
  accessToken: string;
  expiresAt?: Date;
  /** Granted scopes when the platform says which; otherwise undefined. */
  permissions?: string[];
}

export interface TokenCall {
  method: 'GET' | 'POST';
  url: string;
  query?: GraphParams;
  form?: GraphParams;
}

function permissionList(value: string[] | string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : value.split(',');
  return list.map((scope) => scope.trim()).filter(Boolean);
}

/**
 * One OAuth token call of the Meta family: code exchange, long-lived exchange
 * (`fb_exchange_token`, `ig_exchange_token`, `th_exchange_token`) or refresh
 * (`ig_refresh_token`, `th_refresh_token`). Errors map like any Graph error.
 */
export async function requestToken(
  context: ConnectorContext,
  platform: Platform,
  call: TokenCall,
): Promise<ExchangedToken> {
  const body = await graphRequest(context, platform, { ...call, schema: tokenResponse });
  const now = context.clock.now().getTime();
  return {
    accessToken: body.access_token,
    expiresAt: body.expires_in === undefined ? undefined : new Date(now + body.expires_in * 1000),
    permissions: permissionList(body.permissions),
  };
}
