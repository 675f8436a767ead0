import { PlatformError } from '../connector';
import { isPrivateHost } from '../private-host';

/**
 * Turns what a user types ("mastodon.social", "@me@fosstodon.org", "https://hachyderm.io/about")
 * into the instance origin ("https://mastodon.social"). The address is user-supplied, so
 * only public https hosts are accepted unless `allowPrivate` is set (tests and local
 * development). This is a syntactic guard; a resolver-level check belongs in front of it
 * when one exists.
 */
export function normalizeInstanceUrl(
  raw: string | undefined,
  options: { allowPrivate?: boolean } = {},
): string {
  const input = (raw ?? '').trim();
  if (!input)
    throw new PlatformError('permanent', 'Mastodon: enter the address of your server, e.g. mastodon.social');
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(input);
  const candidate = handle ? handle[1] : input;
  let url: URL;
  try {
    url = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(candidate ?? '') ? (candidate as string) : `https://${candidate}`,
    );
  } catch {
    throw new PlatformError('permanent', `Mastodon: "${input}" is not a server address`);
  }
  const allowedProtocol = url.protocol === 'https:' || (options.allowPrivate && url.protocol === 'http:');
  if (!allowedProtocol || url.username || url.password || !url.hostname) {
    throw new PlatformError('permanent', `Mastodon: "${input}" is not an https server address`);
  }
  if (!options.allowPrivate && isPrivateHost(url.hostname)) {
    throw new PlatformError('permanent', `Mastodon: "${input}" is not a public server`);
  }
  return url.origin;
}
