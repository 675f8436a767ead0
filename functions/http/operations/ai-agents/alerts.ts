import { and, count, desc, eq } from 'drizzle-orm';
import {
  acknowledgeAlert,
  resolveAlert,
  type AlertActionOutcome,
} from '../../../core/listening/alert-actions';
import { announceAlerts, presentAlert } from '../../../core/listening/alert-notifications';
import { agentAlerts } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';

/** The watching agents' alerts (crisis episodes, anomalies, summaries), newest first. */
export const listAgentAlerts: Operation<'listAgentAlerts'> = async ({ query }, { container, auth }) => {
  const where = and(
    eq(agentAlerts.organizationId, auth.organizationId),
    query.kind ? eq(agentAlerts.kind, query.kind) : undefined,
    query.status ? eq(agentAlerts.status, query.status) : undefined,
    query.agentType ? eq(agentAlerts.agentType, query.agentType) : undefined,
  );
  const { rows, total } = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(agentAlerts).where(where);
    const page = await tx
      .select()
      .from(agentAlerts)
      .where(where)
      .orderBy(desc(agentAlerts.detectedAt), desc(agentAlerts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { rows: page, total: counted?.total ?? 0 };
  });
  return { body: { items: rows.map(presentAlert), page: query.page, pageSize: query.pageSize, total } };
};

function answer(outcome: AlertActionOutcome) {
  if (outcome.status === 'not-found') throw notFound('The alert');
  if (outcome.status === 'resolved-already')
    throw new HttpProblem(409, 'conflict', 'The alert is already resolved.');
  return outcome.alert;
}

/** A manager says someone is on it; pushed to the organization's dashboards once committed. */
export const acknowledgeAgentAlert: Operation<'acknowledgeAgentAlert'> = async (
  { params },
  { container, auth, event },
) => {
  const outcome = await withTenant(container.db, auth.organizationId, (tx) =>
    acknowledgeAlert(tx, { ...auditActor(event, auth), ...auth }, params.id, container.clock.now()),
  );
  const alert = answer(outcome);
  if (outcome.status === 'changed') await announceAlerts(container, [], [alert]);
  return { body: presentAlert(alert) };
};

/** A manager closes the episode; the sweep does not raise it again while it lasts. */
export const resolveAgentAlert: Operation<'resolveAgentAlert'> = async (
  { params },
  { container, auth, event },
) => {
  const outcome = await withTenant(container.db, auth.organizationId, (tx) =>
    resolveAlert(tx, { ...auditActor(event, auth), ...auth }, params.id, container.clock.now()),
  );
  const alert = answer(outcome);
  await announceAlerts(container, [], [alert]);
  return { body: presentAlert(alert) };
};
