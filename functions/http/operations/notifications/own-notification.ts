import { and, eq, type SQL } from 'drizzle-orm';
import { notifications } from '../../../db/schema';
import type { AuthContext } from '../../auth-context';

/**
 * Matches one notification of the caller only: another person's id, even in the same
 * organization, matches nothing and so answers 404 like an unknown one. Rows written only to be
 * emailed (the person switched that type off in the app) are not part of the in-app list.
 */
export function ownNotification(auth: Pick<AuthContext, 'organizationId' | 'userId'>, id?: string): SQL {
  return and(
    eq(notifications.organizationId, auth.organizationId),
    eq(notifications.userId, auth.userId),
    eq(notifications.inApp, true),
    id === undefined ? undefined : eq(notifications.id, id),
  )!;
}
