import type { ConnectorContext } from '../connector';
import { META_GRAPH_API_VERSION } from '../meta-graph/graph-api-version';

/** Real hosts; `context.endpoints` overrides any of them (tests point them at a stand-in). */
export const FACEBOOK_ENDPOINTS = {
  api: `https://graph.facebook.com/${META_GRAPH_API_VERSION}`,
  /** Video uploads go to the graph-video host (https://developers.facebook.com/docs/video-api/guides/publishing). */
  video: `https://graph-video.facebook.com/${META_GRAPH_API_VERSION}`,
  authorize: `https://www.facebook.com/${META_GRAPH_API_VERSION}/dialog/oauth`,
};

export type FacebookEndpoints = typeof FACEBOOK_ENDPOINTS;

export function facebookEndpoints(context: ConnectorContext): FacebookEndpoints {
  return { ...FACEBOOK_ENDPOINTS, ...context.endpoints };
}
