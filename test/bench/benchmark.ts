/**
 * The contract every benchmark module implements. A benchmark prints figures; it never
 * passes or fails. It returns one or more tables for the terminal, notes that say how to
 * read them, findings (things worth fixing that it noticed) and raw data for the JSON file.
 */
export interface BenchOptions {
  /** Smoke run: short load phases, fewer repetitions. */
  quick: boolean;
  /** Seconds of measured load per HTTP target. */
  durationSeconds: number;
  /** Seconds of discarded load before each measured phase (JIT, pools, caches). */
  warmupSeconds: number;
  /** Concurrent HTTP connections. */
  connections: number;
  /** Fresh `node` processes per Lambda bundle for the cold-import figure. */
  importRuns: number;
  /** The built dashboard (Vite output). */
  webDist: string;
  /** PostgreSQL for the HTTP benchmark; undefined means PGlite in a temporary directory. */
  databaseUrl: string | undefined;
  /** Route keys to load (`--route get-post`); empty loads every route of the HTTP rows. */
  routes: string[];
  /** Profile the server child during each measured phase (`--profile`). */
  profile: boolean;
  /** Microseconds between CPU samples when profiling. */
  profileIntervalUs: number;
  /** Open dashboards in the WebSocket row; undefined: 10,000 (quick: 2,000). */
  wsDashboards: number | undefined;
  /** Node processes the WebSocket row's dashboards are spread over. */
  wsClientProcesses: number;
}

export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface BenchResult {
  tables: BenchTable[];
  /** How the figures were taken (database used, machine caveats). */
  notes: string[];
  /** Problems the run noticed, e.g. a Lambda module that opens a socket at import. */
  findings: string[];
  /** Everything measured, written to the JSON results file. */
  data: unknown;
  /** The targets this row measures, each with its figure and whether it is met. */
  targets?: TargetCheck[];
}

/** One target an issue sets (e.g. "GET /api/posts/{id} >= 25% of the baseline's req/s"; "analytics overview p95 <= 300 ms"). */
export interface TargetCheck {
  name: string;
  /** The bar, as printed: ">= 25% of baseline", "<= 50 ms". */
  target: string;
  /** The figure measured, as printed. */
  measured: string;
  /** true: met; false: missed; undefined: not judged this run (why in `note`). */
  met: boolean | undefined;
  note?: string;
}

export interface Benchmark {
  /** The `--only` name. */
  name: string;
  summary: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

/** The result of a row that had nothing to do this run (e.g. --route named none of its routes). */
export function skipped(reason: string): BenchResult {
  return { tables: [], notes: [`skipped: ${reason}`], findings: [], data: { skipped: reason } };
}
