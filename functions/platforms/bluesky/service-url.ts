import { PlatformError } from '../connector';
import { isPrivateHost } from '../private-host';

/**
 * Turns a hosting provider address ("bsky.social", "https://pds.example.com/") into an origin.
 * Both the address a user types at login and the PDS address a DID document announces are
 * outside Plume's control, so only public https hosts pass unless `allowPrivate` is set
 * (tests and local development). A syntactic guard; a resolver-level check belongs in front
 * of it when one exists.
 */
export function normalizeServiceUrl(
  raw: string | undefined,
  options: { allowPrivate?: boolean } = {},
): string {
  const input = (raw ?? '').trim();
  if (!input)
    throw new PlatformError(
      'permanent',
      'Bluesky: enter the address of your hosting provider, e.g. bsky.social',
    );
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    throw new PlatformError('permanent', `Bluesky: "${input}" is not a server address`);
  }
  const allowedProtocol = url.protocol === 'https:' || (options.allowPrivate && url.protocol === 'http:');
  if (!allowedProtocol || url.username || url.password || !url.hostname) {
    throw new PlatformError('permanent', `Bluesky: "${input}" is not an https server address`);
  }
  if (!options.allowPrivate && isPrivateHost(url.hostname)) {
    throw new PlatformError('permanent', `Bluesky: "${input}" is not a public server`);
  }
  return url.origin;
}

/**
 * The `did:web` a service is known by, for service-auth audiences: `did:web:video.bsky.app`,
 * `did:web:morel.us-east.host.bsky.network`. A port is percent-encoded, as did:web requires.
 */
export function didWebOf(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  return `did:web:${url.hostname}${url.port ? `%3A${url.port}` : ''}`;
}
