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
}

export interface Benchmark {
  /** The `--only` name. */
  name: string;
  summary: string;
  run(options: BenchOptions): Promise<BenchResult>;
}
