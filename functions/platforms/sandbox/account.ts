import { SANDBOX_HANDLE_PATTERN } from '../../db/schema/sandbox';
import { seededNormals } from './seeded-random';

const HANDLE = new RegExp(SANDBOX_HANDLE_PATTERN);

/** `@Ada.Lovelace ` -> `ada.lovelace`; undefined when it cannot be a sandbox handle. */
export function normalizeSandboxHandle(identifier: unknown): string | undefined {
  if (typeof identifier !== 'string') return undefined;
  const handle = identifier.trim().replace(/^@/, '').toLowerCase();
  return HANDLE.test(handle) ? handle : undefined;
}

/**
 * The audience a new sandbox account starts with: log-normal across handles (median 1,200,
 * a few accounts with tens of thousands), seeded by the handle so it is stable.
 */
export function defaultFollowers(handle: string): number {
  const z = seededNormals(`sandbox-account:${handle}`)();
  const followers = Math.round(1200 * Math.exp(z));
  return Math.min(250_000, Math.max(50, followers));
}

/**
 * Followers at an instant: the starting audience grows by up to a quarter over the account's
 * first year (saturating), so long-running demos show growth without drifting off.
 */
export function followersAt(base: number, createdAt: Date, at: Date): number {
  const days = Math.max(0, (at.getTime() - createdAt.getTime()) / 86_400_000);
  return Math.round(base * (1 + 0.25 * (1 - Math.exp(-days / 180))));
}

/** `ada.lovelace` -> `Ada Lovelace`. */
export function displayNameFor(handle: string): string {
  return handle
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
