import type { AccountCredentials, Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { fetchLinkedInAccountMetrics } from './account-metrics';
import { linkedinSettings, type LinkedInConnectorOptions } from './api';
import { fetchLinkedInAudience } from './audience';
import { linkedinOAuthFlow, listOrganizations, refreshTokens } from './auth';
import { fetchPostMetrics } from './metrics';
import { publishPost } from './publish';
import { authorKind, authorUrn } from './urn';
import { findLinkedInPost } from './lookup';

export type { LinkedInConnectorOptions } from './api';
export { LINKEDIN_MEMBER_SCOPES, LINKEDIN_ORGANIZATION_SCOPES } from './api';
export { LINKEDIN_LIMITS } from '../../shared/platforms/linkedin/limits';
export { toLittleText } from './little-text';
export { validateLinkedInDraft } from '../../shared/platforms/linkedin/validate';

/**
 * LinkedIn through the versioned Posts API, as a member (`urn:li:person:*` account id) or as a
 * Page the member manages (`urn:li:organization:*`, connected with the member's token; listed
 * as `additionalAccounts` when the organization scopes are granted).
 */
export function createLinkedInConnector(
  context: ConnectorContext,
  options: LinkedInConnectorOptions = {},
): Connector {
  const settings = linkedinSettings(context, options);
  return {
    ...profileParts('linkedin'),
    connect: linkedinOAuthFlow(settings),
    refresh: (credentials, client) => refreshTokens(settings, credentials, client),
    publish: (credentials, draft) => publishPost(settings, credentials, draft),
    fetchMetrics: (credentials, postIds) => fetchPostMetrics(settings, credentials, postIds),
    fetchAccountMetrics: (credentials) => fetchLinkedInAccountMetrics(settings, credentials),
    fetchAudience: (credentials) => fetchLinkedInAudience(settings, credentials),
    findPublished: (credentials, query) => findLinkedInPost(settings, credentials, query),
  };
}

/** Pages the member behind `credentials` may post as (for a "choose Pages" step after connecting). */
export function listLinkedInOrganizations(
  context: ConnectorContext,
  credentials: AccountCredentials,
  options: LinkedInConnectorOptions = {},
) {
  // A Page account carries the member who connected it; the Pages belong to that member.
  const author = authorUrn(credentials);
  const connectedBy = credentials.extra?.connectedBy;
  const member =
    authorKind(author) === 'organization' && typeof connectedBy === 'string' ? connectedBy : author;
  return listOrganizations(linkedinSettings(context, options), credentials.accessToken, member);
}
