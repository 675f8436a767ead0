import { and, eq, isNull, inArray, sql } from 'drizzle-orm';
import type { MediaKind } from '../../../shared/media-limits';
import { MEDIA_STORAGE_QUOTA_BYTES } from '../../../core/media/storage-quota';
import { media, organizations } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { variantBytesSql } from './storage-used';

const kindSql = sql<MediaKind>`case when ${media.mimeType} = 'image/gif' then 'gif' when ${media.mimeType} like 'video/%' then 'video' else 'image' end`;

/** Stored bytes and files by kind (uploaded files only), against the plan's quota. */
export const getStorageUsage: Operation<'getStorageUsage'> = async (_input, { container, auth }) => {
  const organizationId = auth.organizationId;
  const { plan, groups } = await withTenant(container.db, organizationId, async (tx) => {
    const [organization] = await tx
      .select({ plan: organizations.subscriptionPlan })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    const groups = await tx
      .select({
        kind: kindSql,
        count: sql<number>`count(*)::int`,
        bytes: sql<string>`coalesce(sum(${media.sizeBytes}), 0)::text`,
        variantBytes: sql<string>`coalesce(sum(${variantBytesSql}), 0)::text`,
      })
      .from(media)
      .where(
        and(
          eq(media.organizationId, organizationId),
          isNull(media.deletedAt),
          inArray(media.status, ['ready', 'processing']),
        ),
      )
      .groupBy(kindSql);
    return { plan: organization!.plan, groups };
  });
  const kinds: MediaKind[] = ['image', 'gif', 'video'];
  const byKind = kinds.map((kind) => {
    const group = groups.find((g) => g.kind === kind);
    return {
      kind,
      count: group?.count ?? 0,
      bytes: Number(group?.bytes ?? 0) + Number(group?.variantBytes ?? 0),
    };
  });
  const variantBytes = groups.reduce((sum, g) => sum + Number(g.variantBytes), 0);
  return {
    body: {
      plan,
      quotaBytes: MEDIA_STORAGE_QUOTA_BYTES[plan],
      usedBytes: byKind.reduce((sum, k) => sum + k.bytes, 0),
      variantBytes,
      fileCount: byKind.reduce((sum, k) => sum + k.count, 0),
      byKind,
    },
  };
};
