import type { ConnectorContext } from '../connector';
import { META_GRAPH_API_VERSION } from '../meta-graph/graph-api-version';

/**
 * Instagram API with Instagram Login (Business Login): no Facebook Page needed
 * (https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login).
 * `context.endpoints` overrides any of these.
 */
export const INSTAGRAM_ENDPOINTS = {
  api: `https://graph.instagram.com/${META_GRAPH_API_VERSION}`,
  /** Unversioned token endpoints: `/access_token` (ig_exchange_token), `/refresh_access_token`. */
  graph: 'https://graph.instagram.com',
  /** Code exchange: `POST /oauth/access_token`. */
  auth: 'https://api.instagram.com',
  authorize: 'https://www.instagram.com/oauth/authorize',
};

export type InstagramEndpoints = typeof INSTAGRAM_ENDPOINTS;

export function instagramEndpoints(context: ConnectorContext): InstagramEndpoints {
  return { ...INSTAGRAM_ENDPOINTS, ...context.endpoints };
}
