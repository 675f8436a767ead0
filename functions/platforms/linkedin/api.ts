import type { ConnectorContext } from '../connector';
import { platformRequest, type PlatformRequest, type PlatformResponse } from '../platform-http';
import { linkedinError } from './errors';

/**
 * Scopes. Member posting comes with the "Share on LinkedIn" and "Sign In with LinkedIn using
 * OpenID Connect" products; organization (Page) posting needs the Community Management API
 * product, which LinkedIn approves separately: request ORGANIZATION scopes only when the app
 * has it, or LinkedIn refuses the whole authorization (`unauthorized_scope_error`).
 */
export const LINKEDIN_MEMBER_SCOPES = ['openid', 'profile', 'w_member_social'] as const;
export const LINKEDIN_ORGANIZATION_SCOPES = [
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
  'r_member_postAnalytics',
] as const;

/**
 * `LinkedIn-Version` (YYYYMM). LinkedIn supports each monthly version for about a year, so bump
 * it at least yearly: https://learn.microsoft.com/en-us/linkedin/marketing/versioning
 */
export const LINKEDIN_API_VERSION = '202605';

export const LINKEDIN_DEFAULT_ENDPOINTS = {
  /** REST and v2 APIs. */
  api: 'https://api.linkedin.com',
  /** OAuth authorization and token endpoints. */
  auth: 'https://www.linkedin.com',
} as const;

export interface LinkedInSettings {
  context: ConnectorContext;
  apiBase: string;
  authBase: string;
  apiVersion: string;
  sleep: (ms: number) => Promise<void>;
  /** Video processing checks after finalizeUpload, and the wait between them. */
  videoPollIntervalMs: number;
  videoPollAttempts: number;
  scopes: readonly string[];
}

/** Tuning for tests and deployments; every field has a production default. */
export interface LinkedInConnectorOptions {
  /** Scopes to request; add LINKEDIN_ORGANIZATION_SCOPES when the app has Community Management. */
  scopes?: readonly string[];
  apiVersion?: string;
  sleep?: (ms: number) => Promise<void>;
  videoPollIntervalMs?: number;
  videoPollAttempts?: number;
}

export function linkedinSettings(
  context: ConnectorContext,
  options: LinkedInConnectorOptions = {},
): LinkedInSettings {
  const trim = (url: string) => url.replace(/\/+$/, '');
  return {
    context,
    apiBase: trim(context.endpoints?.api ?? LINKEDIN_DEFAULT_ENDPOINTS.api),
    authBase: trim(context.endpoints?.auth ?? LINKEDIN_DEFAULT_ENDPOINTS.auth),
    apiVersion: options.apiVersion ?? LINKEDIN_API_VERSION,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    videoPollIntervalMs: options.videoPollIntervalMs ?? 5_000,
    videoPollAttempts: options.videoPollAttempts ?? 24,
    scopes: options.scopes ?? LINKEDIN_MEMBER_SCOPES,
  };
}

/** Headers every versioned `/rest` call needs. */
export function restHeaders(settings: LinkedInSettings, accessToken: string): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    'linkedin-version': settings.apiVersion,
    'x-restli-protocol-version': '2.0.0',
  };
}

/**
 * One LinkedIn call that must succeed: returns the response on 2xx and throws the mapped
 * PlatformError otherwise. `action` names the step in error messages shown to the user.
 */
export async function linkedinCall<T = unknown>(
  settings: LinkedInSettings,
  action: string,
  request: PlatformRequest,
): Promise<PlatformResponse<T>> {
  const response = await platformRequest<T>(settings.context, 'linkedin', request);
  if (response.status >= 200 && response.status < 300) return response;
  throw linkedinError(response, action, settings.context.clock.now(), { creates: request.creates });
}
