/**
 * `npm run seed:history -- [options]`: seeds an organization with a Sandbox history (README.md
 * of this folder). Uses the database the local runtime uses (DATABASE_URL, else the embedded
 * PGlite under PLUME_DATA_DIR, default .data: stop `npm start` first, PGlite has one owner) and
 * its local key for the tokens. Prints progress, the sign-in of a new demo organization, and
 * the ground truth (also written to --out).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalAdapters } from '../adapters/local';
import { loadEnv } from '../config/env';
import { createDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { PlanLimitReached } from '../core/social-accounts/save-connection';
import { createDemoOrganization, findSeedTarget } from './demo-organization';
import { seedSandboxHistory } from '../core/sandbox-history/seed-sandbox-history';
import { HISTORY_DEFAULTS, HistoryOptionsError } from '../platforms/sandbox/history/options';

const USAGE = `Seeds an organization with a Sandbox history (functions/platforms/sandbox/history/README.md).

  npm run seed:history -- [--organization <id or slug>] [--months 6] [--accounts 4]
                          [--posts-per-week 5 | --posts 20000] [--competitors 3]
                          [--mentions-per-day 4] [--seed 42] [--out ground-truth.json]
                          [--name "Northwind Studio"] [--email you@example.com] [--password ...]
                          [--raise-plan-limit]

Without --organization a new demo organization and its owner are created (printed: sign in
with them). Uses DATABASE_URL, else the local runtime's PGlite under PLUME_DATA_DIR (.data).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      organization: { type: 'string' },
      months: { type: 'string' },
      accounts: { type: 'string' },
      'posts-per-week': { type: 'string' },
      posts: { type: 'string' },
      competitors: { type: 'string' },
      'mentions-per-day': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      'raise-plan-limit': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value);
  const dataDir = resolve(process.env.PLUME_DATA_DIR ?? '.data');
  await mkdir(dataDir, { recursive: true });
  const databaseUrl = process.env.DATABASE_URL;
  const port = process.env.PORT ?? '3000';
  const env = loadEnv({
    ...process.env,
    PLUME_RUNTIME: 'local',
    PLUME_DATA_DIR: dataDir,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  });
  const adapters = await createLocalAdapters(env, { dataDir });
  const database = await createDatabase(
    databaseUrl ? { url: databaseUrl } : { dataDir: join(dataDir, 'pglite') },
  );
  console.log(
    `Database: ${databaseUrl ? databaseUrl.replace(/\/\/[^@]*@/, '//…@') : join(dataDir, 'pglite')}`,
  );
  try {
    await migrateDatabase(database.db, database.kind);
    const now = adapters.clock.now();
    const target = values.organization
      ? await findSeedTarget(database.db, values.organization)
      : await createDemoOrganization(database.db, {
          name: values.name ?? 'Northwind Studio',
          email: values.email,
          password: values.password,
          now,
        });
    if (!target)
      throw new HistoryOptionsError(
        `No organization with id or slug ${values.organization} (or it has no members).`,
      );
    console.log(`Organization: ${target.name} (${target.slug}, ${target.organizationId})`);
    const { groundTruth, seconds } = await seedSandboxHistory(
      { db: database.db, crypto: adapters.crypto, ids: adapters.ids, media: adapters.media },
      {
        organizationId: target.organizationId,
        userId: target.userId,
        brand: target.name.replace(/\s+[0-9a-f]{6}$/, ''),
        slug: target.slug,
        months: number(values.months, HISTORY_DEFAULTS.months),
        accounts: number(values.accounts, HISTORY_DEFAULTS.accounts),
        postsPerWeek: number(values['posts-per-week'], HISTORY_DEFAULTS.postsPerWeek),
        totalPosts: values.posts === undefined ? undefined : Number(values.posts),
        competitors: number(values.competitors, HISTORY_DEFAULTS.competitors),
        mentionsPerDay: number(values['mentions-per-day'], HISTORY_DEFAULTS.mentionsPerDay),
        seed: values.seed ?? HISTORY_DEFAULTS.seed,
        hourlyRetentionDays: HISTORY_DEFAULTS.hourlyRetentionDays,
        now,
        publicUrl: env.PUBLIC_URL,
        // A demo organization is made to fit; an existing one keeps its plan's limit unless asked.
        raisePlanLimit: !values.organization || values['raise-plan-limit'] === true,
        onProgress: (line) => console.log(line),
      },
    );
    const out = resolve(values.out ?? join(dataDir, `ground-truth-${target.slug}.json`));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(groundTruth, null, 2)}\n`);
    const c = groundTruth.counts;
    console.log(
      `\nDone in ${seconds.toFixed(1)} s: ${c.socialAccounts} accounts, ${c.posts} posts, ${c.snapshots} snapshots, ` +
        `${c.accountMetrics} account readings, ${c.audienceInsights} audience readings, ${c.competitors} competitors ` +
        `(${c.competitorPosts} posts), ${c.mentions} mentions, ${c.media} images on ${c.postsWithMedia} posts. Ground truth: ${out}`,
    );
    if (target.login) {
      console.log(`\nSign in at ${env.PUBLIC_URL} with ${target.login.email} / ${target.login.password}`);
    }
    if (!process.env.SEED_QUIET)
      console.log(
        `\nGround truth:\n${JSON.stringify({ ...groundTruth, accounts: groundTruth.accounts.slice(0, 5) }, null, 2)}`,
      );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof HistoryOptionsError || error instanceof PlanLimitReached) {
    console.error(error.message);
    console.error(`\n${USAGE}`);
  } else console.error(error);
  process.exitCode = 1;
});
