import { and, count, eq, inArray } from 'drizzle-orm';
import { setPublishingSeams } from '../../../functions/core/publishing/seams';
import { postPlatforms, posts, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { Connector, PostDraft, PublishedPost } from '../../../functions/platforms/connector';
import type { Benchmark, BenchOptions, BenchResult, TargetCheck } from '../benchmark';
import { formatCount, formatMs } from '../format';
import { percentileOfSorted, round2 } from '../stats';
import { startBenchRuntime } from './bench-runtime';

/** A platform that answers at once and notes when each post arrived. */
function recordingConnector(arrivals: Map<string, number>): Connector {
  return {
    platform: 'sandbox',
    displayName: 'Bench',
    connect: { kind: 'app-password', login: async () => Promise.reject(new Error('unused')) },
    limits: () => ({
      maxTextLength: 500,
      textCounting: 'graphemes',
      maxImages: 4,
      maxVideos: 1,
      maxImageBytes: 1,
      maxVideoBytes: 1,
      mixedMedia: false,
      supportsThreads: false,
      supportsFirstComment: false,
      requiresMedia: false,
    }),
    validate: () => [],
    publish: async (_c, draft: PostDraft): Promise<PublishedPost> => {
      arrivals.set(draft.text, Date.now());
      return { platformPostId: draft.text };
    },
    fetchMetrics: async () => [],
  };
}

/** Issue 9: publishing must stay as prompt as before the request path changed. */
export const LATENESS_P99_LIMIT_MS = 500;
const JUDGED_TARGETS = 1000;

function latenessTarget(sortedLateness: number[], total: number): TargetCheck {
  const p99 = percentileOfSorted(sortedLateness, 99);
  const allPublished = sortedLateness.length === total;
  const judged = total >= JUDGED_TARGETS;
  return {
    name: `publish lateness p99, ${total} targets in one minute`,
    target: `< ${LATENESS_P99_LIMIT_MS} ms for ${formatCount(JUDGED_TARGETS)} targets`,
    measured: `${formatMs(p99)} (${sortedLateness.length}/${total} published)`,
    met: judged ? allPublished && p99 < LATENESS_P99_LIMIT_MS : undefined,
    ...(!judged
      ? { note: `quick run: ${total} targets, the bar is for ${formatCount(JUDGED_TARGETS)}` }
      : allPublished
        ? {}
        : { note: 'not every target was published' }),
  };
}

/**
 * 1,000 targets due in the same minute, through the real local scheduler, queue and publish
 * worker: lateness is the platform call's time minus the scheduled time.
 */
export const publishLateness: Benchmark = {
  name: 'publish-lateness',
  summary: 'Publish lateness of 1,000 targets due in the same minute (local runtime)',
  async run(options: BenchOptions): Promise<BenchResult> {
    const total = options.quick ? 200 : 1000;
    const bench = await startBenchRuntime(options.databaseUrl);
    const arrivals = new Map<string, number>();
    setPublishingSeams({
      resolveConnector: () => recordingConnector(arrivals),
      loadCredentials: async () => ({ accountId: 'a', accessToken: 't', scopes: [] }),
    });
    try {
      const { db } = bench.runtime.container;
      const orgId = bench.organizationId;
      const due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000 + 5_000); // early in the next whole minute, >= 20 s away
      const targets = await withSystem(db, async (tx) => {
        const accounts = await tx
          .insert(socialAccounts)
          .values(
            Array.from({ length: 10 }, (_, i) => ({
              organizationId: orgId,
              platform: 'sandbox' as const,
              accountId: `bench-${i}`,
              accountName: `Bench ${i}`,
            })),
          )
          .returning({ id: socialAccounts.id });
        const rows: { id: string; version: number; at: Date; text: string }[] = [];
        for (let p = 0; p < total / 10; p += 1) {
          const [post] = await tx
            .insert(posts)
            .values({ organizationId: orgId, content: `post ${p}` })
            .returning({ id: posts.id });
          const at = new Date(due.getTime() + (p % 50) * 1000); // spread over 50 s of the minute
          const inserted = await tx
            .insert(postPlatforms)
            .values(
              accounts.map((a, i) => ({
                organizationId: orgId,
                postId: post!.id,
                socialAccountId: a.id,
                status: 'scheduled' as const,
                version: 1,
                scheduledAt: at,
                content: `t-${p}-${i}`,
              })),
            )
            .returning({
              id: postPlatforms.id,
              version: postPlatforms.version,
              content: postPlatforms.content,
            });
          rows.push(...inserted.map((t) => ({ id: t.id, version: t.version, at, text: t.content! })));
        }
        return rows;
      });
      for (const t of targets) {
        await bench.runtime.scheduler.schedule({
          name: `post-target-${t.id}`,
          at: t.at,
          timezone: 'UTC',
          payload: { targetId: t.id, version: t.version },
        });
      }
      process.stderr.write(`  publish-lateness: ${total} targets due from ${due.toISOString()}; waiting\n`);
      const deadline = due.getTime() + 5 * 60_000;
      const ids = targets.map((t) => t.id);
      for (;;) {
        const [row] = await withSystem(db, (tx) =>
          tx
            .select({ n: count() })
            .from(postPlatforms)
            .where(and(inArray(postPlatforms.id, ids), eq(postPlatforms.status, 'published'))),
        );
        if ((row?.n ?? 0) >= total || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const lateness = targets
        .filter((t) => arrivals.has(t.text))
        .map((t) => arrivals.get(t.text)! - t.at.getTime())
        .sort((a, b) => a - b);
      const p = (q: number) => formatMs(percentileOfSorted(lateness, q));
      return {
        tables: [
          {
            title: `Publish lateness (platform call time - scheduled time), ${total} targets in one minute`,
            columns: ['published', 'p50', 'p95', 'p99', 'max'],
            rows: [[`${lateness.length}/${total}`, p(50), p(95), p(99), p(100)]],
          },
        ],
        notes: [
          'Local scheduler polls every 250 ms; AWS EventBridge Scheduler fires within about a minute of the time.',
          options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)',
        ],
        findings:
          lateness.length < total
            ? [`${total - lateness.length} targets were not published within 5 minutes`]
            : [],
        data: {
          total,
          published: lateness.length,
          p50: round2(percentileOfSorted(lateness, 50)),
          p95: round2(percentileOfSorted(lateness, 95)),
          p99: round2(percentileOfSorted(lateness, 99)),
          max: lateness.at(-1),
        },
        targets: [latenessTarget(lateness, total)],
      };
    } finally {
      setPublishingSeams(undefined);
      await bench.stop();
    }
  },
};
