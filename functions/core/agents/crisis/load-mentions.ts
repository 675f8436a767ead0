import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { mentions } from '../../../db/schema';
import type { SentimentLabel } from '../../../db/schema/listening';
import type { Transaction } from '../../../db/tenant';
import type { Platform } from '../../../shared/platforms/catalog';
import { scoreSentiment } from '../sentiment/score-sentiment';
import type { CrisisMention } from './hourly-counts';

/** A stored mention as the crisis manager reads it; `label` is never null for a text. */
export interface LoadedMention extends CrisisMention {
  id: string;
  platform: Platform;
  socialAccountId: string | null;
  content: string;
  url: string | null;
  score: number | null;
  label: SentimentLabel;
  /** 'stored': the row's own label; 'scored': the row had none and scoreSentiment gave it. */
  labelSource: 'stored' | 'scored';
  handled: boolean;
}

/**
 * The organization's mentions in [since, until), oldest first, through the `mentions` index on
 * (organization, mentioned_at). A row the ingestion has not scored yet is scored here from its
 * text (not written back: storing is the ingestion's job), so a crisis is never missed for
 * want of a label.
 */
export async function loadMentions(
  tx: Transaction,
  organizationId: string,
  since: Date,
  until: Date,
): Promise<LoadedMention[]> {
  const rows = await tx
    .select({
      id: mentions.id,
      platform: mentions.platform,
      socialAccountId: mentions.socialAccountId,
      content: mentions.content,
      url: mentions.url,
      score: mentions.sentimentScore,
      label: mentions.sentimentLabel,
      handledAt: mentions.handledAt,
      at: mentions.mentionedAt,
    })
    .from(mentions)
    .where(
      and(
        eq(mentions.organizationId, organizationId),
        gte(mentions.mentionedAt, since),
        lt(mentions.mentionedAt, until),
      ),
    )
    .orderBy(asc(mentions.mentionedAt), asc(mentions.id));
  return rows.map((row) => {
    const scored = row.label === null ? scoreSentiment(row.content) : null;
    return {
      id: row.id,
      platform: row.platform,
      socialAccountId: row.socialAccountId,
      content: row.content,
      url: row.url,
      at: row.at,
      score: row.score ?? scored?.score ?? null,
      label: row.label ?? scored!.label,
      labelSource: scored ? 'scored' : 'stored',
      handled: row.handledAt !== null,
    };
  });
}
