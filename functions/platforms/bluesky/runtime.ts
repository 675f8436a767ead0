import type { ConnectorContext } from '../connector';
import { normalizeServiceUrl } from './service-url';

export type Sleep = (ms: number) => Promise<void>;

/** Bluesky's public services; `context.endpoints` overrides any of them (tests, staging). */
export const BLUESKY_ENDPOINTS = {
  /** Where accounts log in: the bsky.social entryway, which also issues and refreshes sessions. */
  service: 'https://bsky.social',
  /** Unauthenticated, cached AppView for public reads such as post counts. */
  appview: 'https://public.api.bsky.app',
  /** Transcodes videos, then stores them on the account's PDS (https://docs.bsky.app/docs/tutorials/video). */
  video: 'https://video.bsky.app',
  /** The web app, for links to published posts. */
  web: 'https://bsky.app',
  /** Image CDN, for avatar URLs. */
  cdn: 'https://cdn.bsky.app',
};
export type BlueskyEndpoints = typeof BLUESKY_ENDPOINTS;

export interface BlueskyConnectorOptions {
  /** Waits between video-processing polls; tests inject one that returns at once. */
  sleep?: Sleep;
  /** Accept http:// and private-network service addresses (tests and local development only). */
  allowPrivateServices?: boolean;
  /** How long to wait for the video service before giving up (retryable). Default 10 minutes. */
  videoProcessingTimeoutMs?: number;
  /**
   * Timeout of one media upload (`uploadBlob`, `uploadVideo`); a 100 MB video needs far longer
   * than an API call. Default: 5 minutes, or `context.timeoutMs` when that is longer.
   */
  uploadTimeoutMs?: number;
  /**
   * `service` (default): videos go through the video service, as the official app does, so
   * they play as soon as the post appears. `direct`: `uploadBlob` to the PDS, for PDSes the
   * video service does not serve; mp4 only, and the video shows once processed after posting.
   */
  videoUpload?: 'service' | 'direct';
}

/** What every Bluesky call needs: the injected context and the resolved options. */
export interface BlueskyRuntime {
  context: ConnectorContext;
  endpoints: BlueskyEndpoints;
  sleep: Sleep;
  allowPrivateServices: boolean;
  videoProcessingTimeoutMs: number;
  uploadTimeoutMs: number;
  videoUpload: 'service' | 'direct';
}

export function createRuntime(
  context: ConnectorContext,
  options: BlueskyConnectorOptions = {},
): BlueskyRuntime {
  const endpoints = { ...BLUESKY_ENDPOINTS };
  for (const key of Object.keys(endpoints) as (keyof BlueskyEndpoints)[]) {
    const override = context.endpoints?.[key];
    if (override) endpoints[key] = override.replace(/\/+$/, '');
  }
  return {
    context,
    endpoints,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    allowPrivateServices: options.allowPrivateServices ?? false,
    videoProcessingTimeoutMs: options.videoProcessingTimeoutMs ?? 10 * 60_000,
    uploadTimeoutMs: options.uploadTimeoutMs ?? Math.max(5 * 60_000, context.timeoutMs ?? 0),
    videoUpload: options.videoUpload ?? 'service',
  };
}

export function serviceOrigin(runtime: BlueskyRuntime, raw: string | undefined): string {
  return normalizeServiceUrl(raw, { allowPrivate: runtime.allowPrivateServices });
}
