import { eq } from 'drizzle-orm';
import * as z from 'zod';
import type { Container } from '../adapters/container';
import { recordAudit } from '../core/audit/record-audit';
import { collectUserData, EXPORT_DOWNLOAD_TTL_SECONDS } from '../core/gdpr/export-user-data';
import { dataExportRequests } from '../db/schema';
import { withSystem } from '../db/tenant';

const message = z.object({ type: z.literal('export-user-data'), exportId: z.uuid() });

/**
 * Builds the archive, stores it privately (S3 in AWS) and marks the request completed with
 * an expiry. Safe to run twice: a completed export is left alone.
 */
export async function exportUserData(raw: unknown, container: Container): Promise<void> {
  const { exportId } = message.parse(raw);
  const now = container.clock.now();
  const [request] = await withSystem(container.db, (tx) =>
    tx.select().from(dataExportRequests).where(eq(dataExportRequests.id, exportId)),
  );
  if (!request || request.status === 'completed') return;
  await withSystem(container.db, (tx) =>
    tx.update(dataExportRequests).set({ status: 'processing' }).where(eq(dataExportRequests.id, exportId)),
  );
  const data = await withSystem(container.db, (tx) => collectUserData(tx, request.userId, now));
  const key = `exports/${request.userId}/${exportId}.json`;
  await container.media.put(key, JSON.stringify(data, null, 2), 'application/json');
  await withSystem(container.db, async (tx) => {
    await tx
      .update(dataExportRequests)
      .set({
        status: 'completed',
        s3Key: key,
        completedAt: now,
        expiresAt: new Date(now.getTime() + EXPORT_DOWNLOAD_TTL_SECONDS * 1000),
      })
      .where(eq(dataExportRequests.id, exportId));
    await recordAudit(
      tx,
      { userId: request.userId },
      { action: 'export', resourceType: 'data_export', resourceId: exportId },
    );
  });
}
