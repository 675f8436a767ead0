import {
  addCompetitor as addCompetitorAccount,
  listCompetitors as listCompetitorAccounts,
  removeCompetitor as removeCompetitorAccount,
  type CompetitorAccount,
} from '../../../core/analytics/competitor-accounts';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { auditActor } from '../../request-origin';
import { connectProblem } from '../social-accounts/platform-problems';

/** A competitor as the contract answers it (instants as ISO strings). */
function present(account: CompetitorAccount) {
  return {
    ...account,
    createdAt: account.createdAt.toISOString(),
    lastCheckedAt: account.lastCheckedAt?.toISOString() ?? null,
    latest: account.latest && { ...account.latest, capturedAt: account.latest.capturedAt.toISOString() },
  };
}

/** The organization's tracked competitors with their newest snapshot. */
export const listCompetitors: Operation<'listCompetitors'> = async (_input, { container, auth }) => {
  const items = await withTenant(container.db, auth.organizationId, (tx) =>
    listCompetitorAccounts(tx, auth.organizationId),
  );
  return { body: { items: items.map(present) } };
};

/**
 * Tracks a competitor: read from its network at once (core/analytics/competitor-accounts.ts).
 * An account the network cannot show is a 422 naming the handle; a network that cannot be
 * reached now, a 503.
 */
export const addCompetitor: Operation<'addCompetitor'> = async ({ body }, { container, auth, event }) => {
  const added = await addCompetitorAccount(
    container,
    { ...auditActor(event, auth), organizationId: auth.organizationId },
    body,
  ).catch((error: unknown) => {
    throw connectProblem(error, 'body.handle');
  });
  return { status: 201, body: present(added) };
};

/** Stops tracking a competitor; its read posts and snapshots are deleted with it. */
export const removeCompetitor: Operation<'removeCompetitor'> = async (
  { params },
  { container, auth, event },
) => {
  await withTenant(container.db, auth.organizationId, (tx) =>
    removeCompetitorAccount(
      tx,
      { ...auditActor(event, auth), organizationId: auth.organizationId },
      params.id,
    ),
  );
  return { status: 204 };
};
