import { and, count, desc, eq } from 'drizzle-orm';
import { mentions } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** The brand's mentions as ingested (newest first), by sentiment, kind, account and network. */
export const listMentions: Operation<'listMentions'> = async ({ query }, { container, auth }) => {
  const where = and(
    eq(mentions.organizationId, auth.organizationId),
    query.sentiment ? eq(mentions.sentimentLabel, query.sentiment) : undefined,
    query.kind ? eq(mentions.kind, query.kind) : undefined,
    query.socialAccountId ? eq(mentions.socialAccountId, query.socialAccountId) : undefined,
    query.platform ? eq(mentions.platform, query.platform) : undefined,
  );
  const { rows, total } = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(mentions).where(where);
    const page = await tx
      .select()
      .from(mentions)
      .where(where)
      .orderBy(desc(mentions.mentionedAt), desc(mentions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { rows: page, total: counted?.total ?? 0 };
  });
  return {
    body: {
      items: rows.map((row) => ({
        id: row.id,
        platform: row.platform,
        socialAccountId: row.socialAccountId,
        kind: row.kind,
        externalId: row.externalId,
        authorHandle: row.authorHandle,
        authorName: row.authorName,
        content: row.content,
        url: row.url,
        parentExternalId: row.parentExternalId,
        sentimentScore: row.sentimentScore,
        sentimentLabel: row.sentimentLabel,
        responsePostId: row.responsePostId,
        handledAt: row.handledAt?.toISOString() ?? null,
        mentionedAt: row.mentionedAt.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    },
  };
};
