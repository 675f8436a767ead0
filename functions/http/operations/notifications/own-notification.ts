import { and, eq, type SQL } from 'drizzle-orm';
import { notifications } from '../../../db/schema';
import type { AuthContext } from '../../auth-context';

/**
 * Matches one notification of the caller only: another person's id, even in the same
 * organization, matches nothing and so answers 404 like an unknown one.
 */
export function ownNotification(auth: Pick<AuthContext, 'organizationId' | 'userId'>, id?: string): SQL {
  return and(
    eq(notifications.organizationId, auth.organizationId),
    eq(notifications.userId, auth.userId),
    id === undefined ? undefined : eq(notifications.id, id),
  )!;
}
