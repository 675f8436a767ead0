import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { dataExportRequests, users } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';
import { auditActor } from '../../request-origin';

type ExportRow = typeof dataExportRequests.$inferSelect;

async function present(row: ExportRow, downloadUrl: (key: string) => Promise<string>, now: Date) {
  const downloadable = row.status === 'completed' && row.s3Key && row.expiresAt && row.expiresAt > now;
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    downloadUrl: downloadable ? await downloadUrl(row.s3Key!) : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/**
 * Starts an export as a background job and answers 202 with its id. A request while another
 * is still pending returns that one instead of queueing a duplicate.
 */
export const requestDataExport: Operation<'requestDataExport'> = async (
  _input,
  { container, event, auth },
) => {
  const now = container.clock.now();
  const row = await withSystem(container.db, async (tx) => {
    const [open] = await tx
      .select()
      .from(dataExportRequests)
      .where(
        and(
          eq(dataExportRequests.userId, auth.userId),
          inArray(dataExportRequests.status, ['pending', 'processing']),
        ),
      );
    if (open) return { row: open, created: false };
    const [created] = await tx
      .insert(dataExportRequests)
      .values({ userId: auth.userId, createdAt: now })
      .returning();
    await tx.update(users).set({ dataExportRequested: true }).where(eq(users.id, auth.userId));
    await recordAudit(tx, auditActor(event, auth), {
      action: 'export_requested',
      resourceType: 'data_export',
      resourceId: created!.id,
    });
    return { row: created!, created: true };
  });
  if (row.created) await container.queue.send('jobs', { type: 'export-user-data', exportId: row.row.id });
  return {
    status: 202,
    body: await present(row.row, (key) => container.media.getDownloadUrl(key, 300), now),
  };
};

/** The caller's own export only: another person's export id is a 404. */
export const getDataExport: Operation<'getDataExport'> = async ({ params }, { container, auth }) => {
  const now = container.clock.now();
  const [row] = await withSystem(container.db, (tx) =>
    tx
      .select()
      .from(dataExportRequests)
      .where(and(eq(dataExportRequests.id, params.id), eq(dataExportRequests.userId, auth.userId))),
  );
  if (!row) throw notFound('The export');
  const secondsLeft = row.expiresAt ? Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000) : 0;
  return {
    body: await present(
      row,
      (key) => container.media.getDownloadUrl(key, Math.max(60, Math.min(secondsLeft, 3600))),
      now,
    ),
  };
};
