import { eq } from 'drizzle-orm';
import type { Container } from '../../../adapters/container';
import { recordAudit } from '../../../core/audit/record-audit';
import { removeAbandonedUploads } from '../../../core/media/abandoned-uploads';
import { checkedTypesSentence, CONTENT_CHECKED_TYPES, describeType } from '../../../core/media/content-types';
import { extensionFor, originalKey } from '../../../core/media/media-keys';
import { maxUploadBytes } from '../../../shared/media-limits';
import { MEDIA_STORAGE_QUOTA_BYTES } from '../../../core/media/storage-quota';
import { media, organizations } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { presentMedia } from './present';
import { reservedStorageBytes, UPLOAD_FORM_SECONDS } from './storage-used';

/**
 * Deletes abandoned objects after commit. Deleting a missing key succeeds (S3 and the local
 * store alike); any other failure only leaves an orphan object, which must not cost the person
 * their upload, so it is logged rather than thrown.
 */
async function deleteObjects(container: Pick<Container, 'media' | 'logger'>, keys: string[]): Promise<void> {
  const outcomes = await Promise.allSettled(keys.map((key) => container.media.delete(key)));
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'rejected') {
      container.logger.warn('Could not delete an abandoned upload', {
        key: keys[index],
        error: String(outcome.reason),
      });
    }
  });
}

const formatBytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reserves a media row and answers a presigned POST form: the browser sends the file straight
 * to storage (S3 in AWS), so files of gigabytes never pass through Lambda. The form admits
 * exactly the declared size at most and the declared type; `complete` checks what arrived.
 * Each reservation first clears the organization's abandoned uploads (pending for a day): the
 * one moment someone is adding files is a free time to tidy, with no schedule that wakes the
 * database of an idle organization.
 */
export const createMediaUpload: Operation<'createMediaUpload'> = async (
  { body: input },
  { container, event, auth },
) => {
  if (!CONTENT_CHECKED_TYPES.includes(input.contentType)) {
    // A network takes it, but Plume cannot check such a file's content: refused before any
    // bytes are sent rather than after (the same words `complete` uses for a renamed one).
    const message = `Plume cannot check ${describeType(input.contentType)} yet. Convert it to JPEG or PNG first; Plume takes ${checkedTypesSentence()}.`;
    throw new HttpProblem(400, 'validation_failed', message, {
      errors: [{ field: 'body.contentType', message }],
    });
  }
  const ceiling = maxUploadBytes(input.contentType);
  if (ceiling === undefined || input.size > ceiling) {
    throw new HttpProblem(
      400,
      'validation_failed',
      `No network accepts a ${input.contentType} file this large.`,
      {
        errors: [
          { field: 'body.size', message: `At most ${formatBytes(ceiling ?? 0)} for ${input.contentType}` },
        ],
      },
    );
  }
  const organizationId = auth.organizationId;
  const now = container.clock.now();
  const { row, upload, abandonedKeys } = await withTenant(container.db, organizationId, async (tx) => {
    // Locking the organization serialises concurrent reservations against the quota.
    const [organization] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for('update');
    const abandonedKeys = await removeAbandonedUploads(tx, organizationId, now);
    const quota = MEDIA_STORAGE_QUOTA_BYTES[organization!.subscriptionPlan];
    const used = await reservedStorageBytes(tx, organizationId, now);
    if (used + input.size > quota) {
      throw new HttpProblem(
        403,
        'plan_limit_reached',
        `Your ${organization!.subscriptionPlan} plan includes ${formatBytes(quota)} of media; ${formatBytes(used)} is used. Delete files or upgrade.`,
      );
    }
    const id = container.ids.uuid();
    const key = originalKey(organizationId, id, extensionFor(input.contentType));
    const [created] = await tx
      .insert(media)
      .values({
        id,
        organizationId,
        uploadedBy: auth.userId,
        s3Key: key,
        fileName: input.fileName,
        mimeType: input.contentType,
        sizeBytes: input.size,
        status: 'pending',
        // The same clock as the cutoffs that read it (form lapse, abandonment).
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'create',
      resourceType: 'media',
      resourceId: id,
      newValues: { fileName: input.fileName, mimeType: input.contentType, sizeBytes: input.size },
    });
    const form = await container.media.createUpload({
      key,
      contentType: input.contentType,
      maxBytes: input.size,
      expiresInSeconds: UPLOAD_FORM_SECONDS,
    });
    return { row: created!, upload: form, abandonedKeys };
  });
  await deleteObjects(container, abandonedKeys);
  return {
    status: 201,
    body: {
      media: await presentMedia(row, [], container.media),
      upload: { url: upload.url, fields: upload.fields, expiresAt: upload.expiresAt.toISOString() },
    },
  };
};
