import { and, eq, isNull } from 'drizzle-orm';
import { media } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { notFound } from '../../problem';
import type { MediaRow } from './present';

/** The organization's media row, locked for the rest of the transaction; 404 for anyone else's. */
export async function findMediaForUpdate(
  tx: Transaction,
  organizationId: string,
  id: string,
): Promise<MediaRow> {
  const [row] = await tx
    .select()
    .from(media)
    .where(and(eq(media.id, id), eq(media.organizationId, organizationId), isNull(media.deletedAt)))
    .for('update');
  if (!row) throw notFound('The media file');
  return row;
}
