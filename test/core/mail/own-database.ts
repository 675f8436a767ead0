import { randomUUID } from 'node:crypto';
import postgres from 'postgres';

export interface OwnDatabase {
  /** Undefined without DATABASE_URL: the local runtime then keeps a private PGlite of its own. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh database on the shared test server, for a test file that runs the whole sweep: the
 * sweep acts on every row older than its clock, so on the shared database it would send other
 * files' mail through this file's mailer (and theirs through ours).
 */
export async function ownDatabase(): Promise<OwnDatabase> {
  const shared = process.env.DATABASE_URL;
  if (!shared) return { url: undefined, drop: async () => undefined };
  const name = `mail_outbox_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(shared, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = postgres(shared, { max: 1, onnotice: () => undefined });
      try {
        await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}
