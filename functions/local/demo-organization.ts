import { randomBytes } from 'node:crypto';
import { eq, or, sql } from 'drizzle-orm';
import { organizationSlug } from '../core/identity/organization-slug';
import { hashPassword } from '../core/identity/password-hashing';
import type { Database } from '../db/client';
import { consents, organizationMembers, organizations, users } from '../db/schema';
import { withSystem } from '../db/tenant';
import { TERMS_VERSION } from '../http/operations/auth/register';

export interface SeedTarget {
  organizationId: string;
  userId: string;
  name: string;
  slug: string;
  /** Set when a demo organization was made: how to sign in. */
  login?: { email: string; password: string };
}

/**
 * A fresh organization and its owner to sign in with, written as sign-up writes them
 * (http/operations/auth/register.ts: organization with a unique slug, admin user and
 * membership, consent to the current terms) with the email already verified, so the demo
 * needs no mailbox. The password is drawn at random unless given.
 */
export async function createDemoOrganization(
  db: Database,
  input: { name: string; email?: string; password?: string; timeZone?: string; now: Date },
): Promise<SeedTarget> {
  const slug = organizationSlug(input.name, true);
  const email = input.email ?? `demo+${slug}@plume.local`;
  const password = input.password ?? `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  return withSystem(db, async (tx) => {
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: input.name,
        slug,
        gdprConsent: true,
        gdprConsentDate: input.now,
        timezone: input.timeZone ?? 'UTC',
      })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        firstName: 'Demo',
        lastName: 'Owner',
        timezone: input.timeZone ?? 'UTC',
        organizationId: organization!.id,
        emailVerified: true,
        emailVerifiedAt: input.now,
        gdprConsent: true,
        gdprConsentDate: input.now,
      })
      .returning();
    await tx
      .insert(organizationMembers)
      .values({ organizationId: organization!.id, userId: user!.id, role: 'admin' });
    await tx.insert(consents).values([
      { userId: user!.id, kind: 'terms', granted: true, version: TERMS_VERSION },
      { userId: user!.id, kind: 'privacy', granted: true, version: TERMS_VERSION },
    ]);
    return {
      organizationId: organization!.id,
      userId: user!.id,
      name: organization!.name,
      slug: organization!.slug,
      login: { email, password },
    };
  });
}

/** An existing organization by id or slug, with its first admin as the author of the history. */
export async function findSeedTarget(db: Database, idOrSlug: string): Promise<SeedTarget | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  return withSystem(db, async (tx) => {
    const [organization] = await tx
      .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
      .from(organizations)
      .where(
        isUuid
          ? or(eq(organizations.id, idOrSlug), eq(organizations.slug, idOrSlug))
          : eq(organizations.slug, idOrSlug),
      );
    if (!organization) return undefined;
    const [admin] = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, organization.id))
      // An admin if there is one, the earliest member otherwise.
      .orderBy(sql`${organizationMembers.role} <> 'admin'`, organizationMembers.createdAt)
      .limit(1);
    if (!admin) return undefined;
    return {
      organizationId: organization.id,
      userId: admin.userId,
      name: organization.name,
      slug: organization.slug,
    };
  });
}
