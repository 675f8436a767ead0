import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { organizationMembers, organizations, users } from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  role: 'viewer' | 'user' | 'manager' | 'admin';
}

/** The `Me` document: the person, the organization this session acts in, and every membership. */
export async function loadCurrentUser(tx: Tx, userId: string, organizationId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  const memberships: OrganizationSummary[] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      role: organizationMembers.role,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .orderBy(organizations.name);
  const organization = memberships.find((m) => m.id === organizationId);
  if (!organization) return undefined;
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    avatarUrl: user.avatarUrl,
    timezone: user.timezone,
    language: user.language,
    emailVerified: user.emailVerified,
    isSuperAdmin: user.isSuperAdmin,
    gdprConsent: user.gdprConsent,
    gdprConsentDate: user.gdprConsentDate?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    organization,
    organizations: memberships,
  };
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadCurrentUser>>>;
