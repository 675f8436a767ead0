import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import {
  aiAgentTasks,
  auditLogs,
  consents,
  dataExportRequests,
  notificationSettings,
  notifications,
  organizationMembers,
  organizations,
  posts,
  users,
  userSessions,
} from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export const EXPORT_FORMAT_VERSION = 1;

/** How long a finished archive can be downloaded. */
export const EXPORT_DOWNLOAD_TTL_SECONDS = 24 * 60 * 60;

/**
 * Everything Plume holds about one person, across all their organizations, as one JSON
 * document (GDPR art. 15 and 20: complete and machine-readable). Secrets are left out:
 * password and token hashes are not "data about the person" and would only add risk.
 */
export async function collectUserData(tx: Tx, userId: string, now: Date) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  const { passwordHash: _passwordHash, ...profile } = user;
  const memberships = await tx
    .select({
      organizationId: organizations.id,
      organization: organizations.name,
      role: organizationMembers.role,
      joinedAt: organizationMembers.createdAt,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId));
  const sessions = (await tx.select().from(userSessions).where(eq(userSessions.userId, userId))).map(
    ({ tokenHash: _tokenHash, ...session }) => session,
  );
  return {
    format: 'plume-user-export',
    version: EXPORT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    profile,
    memberships,
    consents: await tx.select().from(consents).where(eq(consents.userId, userId)),
    sessions,
    posts: await tx.select().from(posts).where(eq(posts.userId, userId)),
    aiTasks: await tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.userId, userId)),
    notifications: await tx.select().from(notifications).where(eq(notifications.userId, userId)),
    notificationSettings: await tx
      .select()
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId)),
    auditTrail: await tx.select().from(auditLogs).where(eq(auditLogs.userId, userId)),
    exportRequests: await tx.select().from(dataExportRequests).where(eq(dataExportRequests.userId, userId)),
  };
}
