/** Host names that must never be reached from a user-typed or server-announced address. */
const PRIVATE_HOST = [
  /^localhost$/i,
  /\.(localhost|local|internal|lan|home\.arpa)$/i,
  /^127\./,
  /^10\./,
  /^0\./,
  /^169\.254\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
  /^\[/, // every IPv6 literal: loopback, link-local, unique-local and mapped IPv4 included
  /^[^.]+$/, // single-label names (intranet hosts) and bare numbers (http://2130706433/)
];

/**
 * True for loopback, private, link-local, carrier-grade NAT, IPv6 literals and intranet-style
 * names: a syntactic SSRF guard for federated servers (Mastodon instances, Bluesky PDSes).
 */
export function isPrivateHost(hostname: string): boolean {
  return PRIVATE_HOST.some((pattern) => pattern.test(hostname));
}
