import type { Database } from '../../db/client';

/**
 * For functions deployed without database access (the WebSocket handlers run outside the
 * VPC so a connect never wakes a paused Aurora): any use fails loudly with the reason,
 * instead of the process trying to load a database driver it does not ship.
 */
export function unavailableDatabase(): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a thenable: `await container` must work
      throw new Error(
        `This function has no database access (DB_HOST is not set); tried to use db.${String(property)}`,
      );
    },
  });
}
