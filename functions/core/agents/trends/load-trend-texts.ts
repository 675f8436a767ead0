import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { competitorPosts, competitors, mentions } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { Platform } from '../../../shared/platforms/catalog';
import { loadPostOutcomes } from '../post-outcomes';
import type { TrendText } from './trend-texts';

/**
 * Every text the trend analyzer reads in [since, until): the organization's published copies
 * (through loadPostOutcomes, the agents' shared input), its mentions, and its tracked
 * competitors' posts, optionally of some networks; oldest first.
 */
export async function loadTrendTexts(
  tx: Transaction,
  organizationId: string,
  filter: { since: Date; until: Date; platforms?: Platform[] },
): Promise<TrendText[]> {
  const own = await loadPostOutcomes(tx, organizationId, filter);
  const heard = await tx
    .select({ key: mentions.id, at: mentions.mentionedAt, text: mentions.content })
    .from(mentions)
    .where(
      and(
        eq(mentions.organizationId, organizationId),
        gte(mentions.mentionedAt, filter.since),
        lt(mentions.mentionedAt, filter.until),
        filter.platforms?.length ? inArray(mentions.platform, filter.platforms) : undefined,
      ),
    )
    .orderBy(asc(mentions.mentionedAt), asc(mentions.id));
  const theirs = await tx
    .select({ key: competitorPosts.id, at: competitorPosts.publishedAt, text: competitorPosts.text })
    .from(competitorPosts)
    .innerJoin(competitors, eq(competitors.id, competitorPosts.competitorId))
    .where(
      and(
        eq(competitorPosts.organizationId, organizationId),
        gte(competitorPosts.publishedAt, filter.since),
        lt(competitorPosts.publishedAt, filter.until),
        filter.platforms?.length ? inArray(competitors.platform, filter.platforms) : undefined,
      ),
    )
    .orderBy(asc(competitorPosts.publishedAt), asc(competitorPosts.id));
  return [
    ...own.map((o): TrendText => ({ key: o.targetId, source: 'ownPosts', at: o.publishedAt, text: o.text })),
    ...heard.map((m): TrendText => ({ ...m, source: 'mentions' })),
    ...theirs.map((c): TrendText => ({ ...c, source: 'competitorPosts' })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
