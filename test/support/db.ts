import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../functions/db/client';
import { migrateDatabase } from '../../functions/db/migrate';
import { organizationMembers, organizations, users } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import type { Database } from '../../functions/db/client';

/**
 * The database for an integration test file: the shared PostgreSQL named by DATABASE_URL
 * (reset and migrated once by test/global-setup.ts), else a private in-memory PGlite, migrated
 * (loaded from the snapshot the global setup made, or migrated from scratch without one).
 * Test files run in parallel against the shared database: never assume a table is empty,
 * make your own organizations with `createTestOrganization`, and call `close()` in afterAll.
 */
export async function getTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createDatabase({ url, max: 4 });
  const snapshot = await readSnapshot('pgliteSnapshotPath');
  if (snapshot) return createDatabase({ memory: true, snapshot });
  const handle = await createDatabase({ memory: true });
  await migrateDatabase(handle.db, handle.kind);
  return handle;
}

/**
 * A PGlite data directory tarball made by test/global-setup.ts: `pgliteEmptySnapshotPath` (an
 * empty cluster, as a fresh PGlite starts) or `pgliteSnapshotPath` (migrated). Pass it to
 * `createDatabase({ snapshot })`. Undefined when the global setup did not run.
 */
export async function readSnapshot(
  which: 'pgliteSnapshotPath' | 'pgliteEmptySnapshotPath',
): Promise<Blob | undefined> {
  const path = inject(which);
  return path ? new Blob([await readFile(path)]) : undefined;
}

export interface TestOrganization {
  organizationId: string;
  userId: string;
  membershipId: string;
  slug: string;
  email: string;
}

/**
 * Inserts an organization, an admin user whose default organization it is, and the admin
 * membership, with a unique slug and email. Runs as plume_system (the policies would refuse
 * creating a user before its membership exists, as in production).
 */
export async function createTestOrganization(
  db: Database,
  name = 'Test organization',
): Promise<TestOrganization> {
  const suffix = randomUUID().slice(0, 8);
  const slug = `test-${suffix}`;
  const email = `admin-${suffix}@example.test`;
  return withSystem(db, async (tx) => {
    const [organization] = await tx
      .insert(organizations)
      .values({ name: `${name} ${suffix}`, slug })
      .returning({ id: organizations.id });
    if (!organization) throw new Error('organization insert returned nothing');
    const [user] = await tx
      .insert(users)
      .values({
        email,
        organizationId: organization.id,
        firstName: 'Test',
        lastName: 'Admin',
        emailVerified: true,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    const [membership] = await tx
      .insert(organizationMembers)
      .values({ organizationId: organization.id, userId: user.id, role: 'admin' })
      .returning({ id: organizationMembers.id });
    if (!membership) throw new Error('membership insert returned nothing');
    return { organizationId: organization.id, userId: user.id, membershipId: membership.id, slug, email };
  });
}
