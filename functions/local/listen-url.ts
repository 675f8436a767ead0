import { isIPv6 } from 'node:net';

/**
 * The URL people and platforms can reach the local runtime at, from the address it really
 * listens on: a wildcard bind (`0.0.0.0`, `::`) is reached through `localhost`, an IPv6
 * literal needs brackets. PUBLIC_URL, when set, overrides this (a tunnel, a proxy).
 */
export function listenUrl(host: string, port: number): string {
  const wildcard = host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
  const name = wildcard ? 'localhost' : isIPv6(host) ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
