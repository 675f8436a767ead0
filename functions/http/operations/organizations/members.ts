import { and, count, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../core/audit/record-audit';
import { hashToken, newOpaqueToken } from '../../../core/identity/opaque-tokens';
import { lockOrganization } from '../../../core/organizations/organization-lock';
import { OutgoingMail } from '../../../core/mail/outgoing-mail';
import { apiKeys, invitations, organizationMembers, organizations, users } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { rolesAbove } from '../../access';
import type { Operation } from '../../operation';
import type { AuthContext } from '../../auth-context';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';
import type { Role } from '../../../shared/route-table';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

const memberColumns = {
  id: organizationMembers.id,
  userId: organizationMembers.userId,
  email: users.email,
  firstName: users.firstName,
  lastName: users.lastName,
  role: organizationMembers.role,
  joinedAt: organizationMembers.createdAt,
};

type MemberRow = {
  id: string;
  userId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  role: Role;
  joinedAt: Date;
};
const presentMember = (m: MemberRow) => ({ ...m, joinedAt: m.joinedAt.toISOString() });
const presentInvitation = (i: typeof invitations.$inferSelect) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

const pendingInvitation = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** Seats in use: members plus invitations still waiting, so the plan cannot be overrun by inviting. */
export async function seatsInUse(tx: Tx, organizationId: string, now: Date): Promise<number> {
  const [members] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(eq(organizationMembers.organizationId, organizationId));
  const [pending] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), pendingInvitation(now)));
  return (members?.n ?? 0) + (pending?.n ?? 0);
}

export const listMembers: Operation<'listMembers'> = async (_input, { container, auth }) => {
  const now = container.clock.now();
  return withTenant(container.db, auth.organizationId, async (tx) => {
    const members = await tx
      .select(memberColumns)
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(eq(organizationMembers.organizationId, auth.organizationId))
      .orderBy(organizationMembers.createdAt);
    const pending = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, auth.organizationId), pendingInvitation(now)))
      .orderBy(invitations.createdAt);
    return { body: { members: members.map(presentMember), invitations: pending.map(presentInvitation) } };
  });
};

export const inviteMember: Operation<'inviteMember'> = async ({ body }, { container, event, auth }) => {
  const { email, role } = body;
  const now = container.clock.now();
  const token = newOpaqueToken();
  const mail = new OutgoingMail();
  const result = await withTenant(container.db, auth.organizationId, async (tx) => {
    // Invitations for the last seats are counted one at a time.
    await lockAsAdmin(tx, auth);
    const [inviter] = await tx.select().from(users).where(eq(users.id, auth.userId));
    if (!inviter?.emailVerified) {
      throw new HttpProblem(403, 'email_not_verified', 'Verify your email address before inviting people.');
    }
    const [organization] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, auth.organizationId));
    const [alreadyMember] = await tx
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, auth.organizationId), eq(users.email, email)));
    if (alreadyMember) {
      throw new HttpProblem(409, 'conflict', `${email} is already a member.`, {
        errors: [{ field: 'body.email', message: 'Already a member' }],
      });
    }
    // A new invitation to the same address replaces the pending one (and frees its seat).
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organizationId, auth.organizationId),
          eq(invitations.email, email),
          pendingInvitation(now),
        ),
      );
    if ((await seatsInUse(tx, auth.organizationId, now)) >= organization!.maxUsers) {
      throw new HttpProblem(
        403,
        'plan_limit_reached',
        `Your ${organization!.subscriptionPlan} plan allows ${organization!.maxUsers} members; upgrade to invite more.`,
      );
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: auth.organizationId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedBy: auth.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'invite',
      resourceType: 'invitation',
      resourceId: invitation!.id,
      newValues: { email, role },
    });
    // The mail job gives the invitation a fresh link when it sends it (core/mail/compose-mail.ts).
    await mail.write(
      tx,
      { kind: 'invitation', invitationId: invitation!.id, organizationId: auth.organizationId },
      now,
    );
    return { invitation: invitation! };
  });
  await mail.dispatch(container);
  return { status: 201, body: presentInvitation(result.invitation) };
};

export const revokeInvitation: Operation<'revokeInvitation'> = async (
  { params },
  { container, event, auth },
) => {
  const now = container.clock.now();
  const revoked = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, params.id),
          eq(invitations.organizationId, auth.organizationId),
          pendingInvitation(now),
        ),
      )
      .returning();
    if (row)
      await recordAudit(tx, auditActor(event, auth), {
        action: 'revoke',
        resourceType: 'invitation',
        resourceId: row.id,
      });
    return row;
  });
  if (!revoked) throw notFound('The invitation');
  return { status: 204 };
};

async function otherAdmins(tx: Tx, organizationId: string, exceptMembershipId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        eq(organizationMembers.role, 'admin'),
        ne(organizationMembers.id, exceptMembershipId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * A demoted member's keys come down to their new role, for good: promoting them again does not
 * raise a key (they make a new one). Authentication also caps every key at its creator's
 * current role on each request, so this is what the key list shows, not the only guard.
 * Returns what changed, for the audit entry.
 */
async function lowerKeysOf(tx: Tx, organizationId: string, userId: string, role: Role) {
  const mine = and(
    eq(apiKeys.organizationId, organizationId),
    eq(apiKeys.createdBy, userId),
    isNull(apiKeys.revokedAt),
    inArray(apiKeys.role, rolesAbove(role)),
  );
  const keys = await tx
    .select({ id: apiKeys.id, name: apiKeys.name, from: apiKeys.role })
    .from(apiKeys)
    .where(mine);
  if (keys.length) await tx.update(apiKeys).set({ role }).where(mine);
  return keys.map((k) => ({ ...k, to: role }));
}

/**
 * Serialises membership changes in the organization (see lockOrganization), then checks that
 * the caller is still an admin: a concurrent demotion may have committed since this request
 * was authenticated, and a demoted admin must not finish demoting the last other admin.
 */
async function lockAsAdmin(tx: Tx, auth: AuthContext): Promise<void> {
  await lockOrganization(tx, auth.organizationId);
  const [caller] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, auth.organizationId),
        eq(organizationMembers.userId, auth.userId),
      ),
    );
  if (caller?.role !== 'admin') {
    throw new HttpProblem(403, 'forbidden', 'You are no longer an admin of this organization.');
  }
}

export const updateMemberRole: Operation<'updateMemberRole'> = async (
  { params, body },
  { container, event, auth },
) => {
  const { role } = body;
  const member = await withTenant(container.db, auth.organizationId, async (tx) => {
    await lockAsAdmin(tx, auth);
    const [before] = await tx
      .select()
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.id, params.id),
          eq(organizationMembers.organizationId, auth.organizationId),
        ),
      );
    if (!before) return undefined;
    if (
      before.role === 'admin' &&
      role !== 'admin' &&
      (await otherAdmins(tx, auth.organizationId, before.id)) === 0
    ) {
      throw new HttpProblem(
        409,
        'conflict',
        'An organization needs at least one admin; make someone else admin first.',
      );
    }
    await tx
      .update(organizationMembers)
      .set({ role, updatedAt: container.clock.now() })
      .where(eq(organizationMembers.id, before.id));
    const keysLowered = await lowerKeysOf(tx, auth.organizationId, before.userId, role);
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'membership',
      resourceId: before.id,
      oldValues: { role: before.role },
      newValues: { role, ...(keysLowered.length ? { keysLowered } : {}) },
    });
    const [row] = await tx
      .select(memberColumns)
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(eq(organizationMembers.id, before.id));
    return row;
  });
  if (!member) throw notFound('The member');
  return { body: presentMember(member) };
};

/** Removes a member; their access ends at once (every request re-checks membership). */
export const removeMember: Operation<'removeMember'> = async ({ params }, { container, event, auth }) => {
  const now = container.clock.now();
  const removed = await withTenant(container.db, auth.organizationId, async (tx) => {
    await lockAsAdmin(tx, auth);
    const [member] = await tx
      .select()
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.id, params.id),
          eq(organizationMembers.organizationId, auth.organizationId),
        ),
      );
    if (!member) return false;
    if (member.role === 'admin' && (await otherAdmins(tx, auth.organizationId, member.id)) === 0) {
      throw new HttpProblem(
        409,
        'conflict',
        'An organization needs at least one admin; make someone else admin first.',
      );
    }
    await tx.delete(organizationMembers).where(eq(organizationMembers.id, member.id));
    // Keys made by someone who left must not keep acting for them (authentication refuses them
    // anyway without a membership; revoking says so in the key list and survives a re-invite).
    const keysRevoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(
        and(
          eq(apiKeys.organizationId, auth.organizationId),
          eq(apiKeys.createdBy, member.userId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role });
    await recordAudit(tx, auditActor(event, auth), {
      action: 'delete',
      resourceType: 'membership',
      resourceId: member.id,
      oldValues: { userId: member.userId, role: member.role },
      newValues: keysRevoked.length ? { keysRevoked } : null,
    });
    return true;
  });
  if (!removed) throw notFound('The member');
  return { status: 204 };
};
