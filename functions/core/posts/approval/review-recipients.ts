import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { organizationMembers, postReviews, users } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { ApprovalPolicy } from '../../../shared/approval-policy';

/** Active members in a role that may approve, but not `except` (who asked). */
export async function approversOf(
  tx: Transaction,
  organizationId: string,
  policy: ApprovalPolicy,
  except: string | null,
): Promise<string[]> {
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        inArray(organizationMembers.role, policy.approverRoles),
        eq(users.isActive, true),
        isNull(users.deletedAt),
        except ? ne(organizationMembers.userId, except) : undefined,
      ),
    );
  return rows.map((row) => row.userId);
}

/**
 * The people a decision or a comment concerns: the author and everyone who took part in the
 * post's review so far (sent it, decided on it, commented), but not the one acting now.
 */
export async function reviewParticipants(
  tx: Transaction,
  organizationId: string,
  postId: string,
  authorId: string | null,
  except: string,
): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: postReviews.userId })
    .from(postReviews)
    .where(eq(postReviews.postId, postId));
  const people = new Set([authorId, ...rows.map((row) => row.userId)]);
  people.delete(except);
  const candidates = [...people].filter((id): id is string => id !== null);
  if (candidates.length === 0) return [];
  // Someone who has left the organization hears nothing more of its posts.
  const members = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        inArray(organizationMembers.userId, candidates),
      ),
    );
  return members.map((row) => row.userId);
}
