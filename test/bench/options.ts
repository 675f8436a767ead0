import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchOptions } from './benchmark';

export interface CliOptions extends BenchOptions {
  /** Benchmark names to run; empty runs them all. */
  only: string[];
  /** Skip writing the JSON results. */
  write: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --only <names>        run only these benchmarks (comma separated or repeated)
  --quick               smoke run: 2 s load phases, 3 cold imports per bundle
  --duration <s>        measured load per HTTP target (default 10, quick 2)
  --warmup <s>          discarded load before each measured phase (default 3, quick 1)
  --connections <n>     concurrent HTTP connections (default 50)
  --runs <n>            fresh node processes per Lambda bundle (default 7, quick 3)
  --web-dist <dir>      built dashboard to measure (default web/dist)
  --route <keys>        load only these routes of the HTTP rows (comma separated), e.g.
                        get-post, list-posts, search-posts, calendar, create-post, health
  --profile             CPU-profile the server child during each measured phase; writes
                        .bench-build/profiles/*.cpuprofile and prints the top functions
                        and packages by self time (skips the baseline: ratios not judged)
  --profile-interval <us>  microseconds between CPU samples (default 1000)
  --ws-dashboards <n>   open WebSockets in the websocket row (default 10000, quick 2000)
  --ws-clients <n>      node processes holding those WebSockets (default 1)
  --pglite              use PGlite even when DATABASE_URL is set
  --no-write            print only, do not write test/bench/results/*.json
  --help                this text

DATABASE_URL selects PostgreSQL for the HTTP benchmark; without it PGlite runs in a temp dir.`;

function positiveNumber(flag: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
    throw new Error(`--${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
  }
  return parsed;
}

const list = (values: string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowNegative: true,
    options: {
      only: { type: 'string', multiple: true },
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      runs: { type: 'string' },
      'web-dist': { type: 'string' },
      pglite: { type: 'boolean', default: false },
      route: { type: 'string', multiple: true },
      profile: { type: 'boolean', default: false },
      'profile-interval': { type: 'string' },
      'ws-dashboards': { type: 'string' },
      'ws-clients': { type: 'string' },
      write: { type: 'boolean', default: true },
      help: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  return {
    quick,
    // autocannon counts duration in whole seconds.
    durationSeconds: positiveNumber('duration', values.duration, quick ? 2 : 10, true),
    warmupSeconds: positiveNumber('warmup', values.warmup, quick ? 1 : 3, true),
    connections: positiveNumber('connections', values.connections, 50, true),
    importRuns: positiveNumber('runs', values.runs, quick ? 3 : 7, true),
    webDist: resolve(repoRoot, values['web-dist'] ?? 'web/dist'),
    databaseUrl: values.pglite ? undefined : env.DATABASE_URL || undefined,
    only: list(values.only),
    routes: list(values.route),
    profile: values.profile ?? false,
    profileIntervalUs: positiveNumber('profile-interval', values['profile-interval'], 1000, true),
    wsDashboards:
      values['ws-dashboards'] === undefined
        ? undefined
        : positiveNumber('ws-dashboards', values['ws-dashboards'], 0, true),
    wsClientProcesses: positiveNumber('ws-clients', values['ws-clients'], 1, true),
    write: values.write ?? true,
    help: values.help ?? false,
  };
}
