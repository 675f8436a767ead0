/**
 * Where to go after signing in. Only a path on this site is accepted: `?next=` comes from
 * the address bar, and following it anywhere would make the sign-in page an open redirect.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  const base = 'https://plume.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // Going "back" to a sign-in page after signing in would loop.
  if (PUBLIC_ONLY_PATHS.has(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Pages for signed-out visitors; a signed-in visitor is sent on from them. */
export const PUBLIC_ONLY_PATHS: ReadonlySet<string> = new Set(['/login', '/signup', '/forgot-password']);

/** `/login?next=…` for a page that needs a session. */
export function loginPath(returnTo: string): string {
  const next = safeReturnPath(returnTo);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
