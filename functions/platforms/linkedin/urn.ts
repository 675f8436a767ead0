import type { AccountCredentials } from '../connector';

export type AuthorKind = 'person' | 'organization';

/**
 * The URN a post is authored by. A member account is stored with `urn:li:person:{id}` as its
 * account id and an organization (Page) with `urn:li:organization:{id}`; both use the token of
 * the member who connected them. A bare id is read as a member id (OpenID `sub`).
 */
export function authorUrn(credentials: AccountCredentials): string {
  const override = credentials.extra?.authorUrn;
  if (typeof override === 'string' && override.startsWith('urn:li:')) return override;
  if (credentials.accountId.startsWith('urn:li:')) return credentials.accountId;
  return `urn:li:person:${credentials.accountId}`;
}

export function authorKind(urn: string): AuthorKind {
  return urn.startsWith('urn:li:organization:') ? 'organization' : 'person';
}

/** `urn:li:share:123` -> `share`; the entity type decides which statistics parameter to use. */
export function urnType(urn: string): string | undefined {
  return /^urn:li:([A-Za-z]+):/.exec(urn)?.[1];
}

export function postUrl(postUrn: string): string {
  return `https://www.linkedin.com/feed/update/${postUrn}/`;
}
