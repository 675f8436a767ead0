import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Benchmark, BenchOptions, BenchResult } from '../benchmark';
import { formatBytes, formatMs } from '../format';
import { REPO_ROOT } from '../paths';
import { spread, type Spread } from '../stats';
import { bundleEntry, LAMBDA_BUILD_OPTIONS, type BundleOutput, type PackageShare } from './bundle';
import { lambdaEntries, type LambdaEntry } from './entries';
import { probeImport, type ImportSample } from './import-probe';
import { createLambdaLayout, isMissingModule, type LambdaLayout } from './lambda-layout';
import { lambdaEnvironment } from './lambda-env';
import { httpBundleTargets } from './targets';
import { unusedSdkFindings, zodLocalesFinding } from './unused-sdks';

/** Packages that must never ship in a Lambda, with the reason printed in the finding. */
const FORBIDDEN_PACKAGES: Record<string, string> = {
  '@electric-sql/pglite':
    'the embedded database is for `npm start` only (a literal dynamic import is still bundled)',
  'aws-cdk-lib': 'infrastructure code',
  constructs: 'infrastructure code',
  esbuild: 'build tool',
  'drizzle-kit': 'migration generator (dev only)',
  vitest: 'test runner',
  'playwright-core': 'browser automation (tests only)',
};

interface EntryResult {
  entry: LambdaEntry;
  bundle?: Omit<BundleOutput, 'entry' | 'file'>;
  importMs?: Spread;
  samples?: ImportSample[];
  /** Why the bundle cannot start in the Lambda layout, if it cannot (figures then come from the repo copy). */
  lambdaInitError?: string;
  error?: string;
}

function topPackages(packages: PackageShare[], count: number): string {
  const total = packages.reduce((sum, p) => sum + p.bytes, 0) || 1;
  return packages
    .slice(0, count)
    .map((p) => `${p.name} ${Math.round((p.bytes / total) * 100)}%`)
    .join(', ');
}

const firstLine = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0] ?? '';

async function measureEntry(
  entry: LambdaEntry,
  outRoot: string,
  layout: LambdaLayout,
  runs: number,
): Promise<EntryResult> {
  let output: BundleOutput;
  try {
    output = await bundleEntry(entry, REPO_ROOT, outRoot);
  } catch (error) {
    return { entry, error: `bundle failed: ${firstLine(error)}` };
  }
  const { file: _file, entry: _entry, ...bundle } = output;
  const env = lambdaEnvironment(entry.name);
  // Measure where Lambda would run it; if a missing package stops it there, say so and
  // still time the repo copy (where externals resolve) so the figure is not lost.
  let file = await layout.place(entry.name, output.file);
  let lambdaInitError: string | undefined;
  const samples: ImportSample[] = [];
  try {
    samples.push(await probeImport(file, env));
  } catch (error) {
    if (!isMissingModule(String(error)))
      return { entry, bundle, error: `import failed: ${firstLine(error)}` };
    // The task folder differs per function; drop it so one cause groups into one finding.
    lambdaInitError = firstLine(error).replace(/ imported from \S+$/, '');
    file = output.file;
  }
  try {
    // One at a time: parallel imports would compete for the cores and inflate each other.
    while (samples.length < runs) samples.push(await probeImport(file, env));
  } catch (error) {
    return { entry, bundle, lambdaInitError, error: `import failed: ${firstLine(error)}` };
  }
  return { entry, bundle, samples, lambdaInitError, importMs: spread(samples.map((s) => s.importMs)) };
}

/** Problems of one function, as [message, function] so equal messages can be grouped. */
function problemsOf(result: EntryResult): [string, string][] {
  const name = result.entry.name;
  const problems: string[] = [];
  if (result.error) problems.push(result.error);
  if (result.lambdaInitError)
    problems.push(`cannot start in Lambda (bundle + runtime @aws-sdk only): ${result.lambdaInitError}`);
  for (const pkg of result.bundle?.packages ?? []) {
    const reason = FORBIDDEN_PACKAGES[pkg.name];
    // Rounded so the same package in many functions groups into one finding.
    if (reason)
      problems.push(`bundles ${pkg.name} (~${(pkg.bytes / 1024 / 1024).toFixed(1)} MiB): ${reason}`);
  }
  if (result.bundle) {
    problems.push(...unusedSdkFindings(result.entry, result.bundle.packages));
    problems.push(...zodLocalesFinding(result.bundle.zodLocaleBytes));
  }
  const atInit = result.bundle?.externalImports.static ?? [];
  if (atInit.length > 0) {
    problems.push(`imports external ${atInit.join(', ')} at module scope (loaded on every cold start)`);
  }
  const network = new Set(result.samples?.flatMap((s) => s.network));
  if (network.size > 0) problems.push(`reaches the network at import: ${[...network].join(', ')}`);
  const leftOpen = new Set(result.samples?.flatMap((s) => s.leftOpen));
  if (leftOpen.size > 0) problems.push(`leaves handles open after import: ${[...leftOpen].join(', ')}`);
  for (const warning of result.bundle?.warnings ?? []) problems.push(`esbuild warning: ${warning}`);
  return problems.map((problem) => [problem, name]);
}

/** One line per distinct problem, naming the functions it affects. */
function groupFindings(results: EntryResult[]): string[] {
  const byProblem = new Map<string, string[]>();
  for (const [problem, name] of results.flatMap(problemsOf)) {
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), name]);
  }
  return [...byProblem].map(([problem, names]) => {
    const who = names.length === results.length ? `all ${names.length} functions` : names.join(', ');
    return `${who}: ${problem}`;
  });
}

/**
 * Row 1: every Lambda bundled as CDK bundles it, its size, and how long its module scope
 * takes to load in a fresh process (the part of a cold start the code controls).
 */
export const lambdaBundles: Benchmark = {
  name: 'lambda-bundles',
  summary: 'Lambda bundle size and cold module-init time',
  async run(options: BenchOptions): Promise<BenchResult> {
    const outRoot = join(REPO_ROOT, '.bench-build', 'lambda');
    await rm(outRoot, { recursive: true, force: true });
    const entries = lambdaEntries();
    const results: EntryResult[] = [];
    const layout = await createLambdaLayout(REPO_ROOT);
    try {
      for (const entry of entries) {
        process.stderr.write(`  lambda-bundles: ${entry.name}\n`);
        results.push(await measureEntry(entry, outRoot, layout, options.importRuns));
      }
    } finally {
      await layout.dispose();
    }

    const rows = results.map((r) => [
      r.entry.name,
      r.bundle ? formatBytes(r.bundle.bytes) : '-',
      r.bundle ? formatBytes(r.bundle.gzipBytes) : '-',
      r.importMs ? formatMs(r.importMs.median) : '-',
      r.importMs ? formatMs(r.importMs.min) : '-',
      r.importMs ? formatMs(r.importMs.max) : '-',
      r.samples ? formatBytes(Math.max(...r.samples.map((s) => s.heapUsedBytes))) : '-',
      r.bundle ? String(r.bundle.externalImports.static.length) : '-',
      r.error ? '-' : r.lambdaInitError ? 'NO' : 'yes',
      r.error ? `ERROR ${r.error}` : topPackages(r.bundle?.packages ?? [], 3),
    ]);
    return {
      tables: [
        {
          title: `Lambda bundles (esbuild ${LAMBDA_BUILD_OPTIONS.format} ${LAMBDA_BUILD_OPTIONS.target}, minified; cold import: median of ${options.importRuns} fresh node processes)`,
          columns: [
            'function',
            'bytes',
            'gzip',
            'import p50',
            'min',
            'max',
            'heap',
            'ext. at init',
            'starts in Lambda',
            'largest packages',
          ],
          rows,
        },
      ],
      notes: [
        `Bundles are in .bench-build/lambda/<function>/index.mjs, built with the options of lib/plume-function.ts (AWS SDK bundled, PGlite external).`,
        `"ext. at init" counts external packages imported at module scope: each cold start loads all of them, used or not. A dynamic import() keeps one off the cold path.`,
        `"starts in Lambda": the bundle is imported from a temp folder holding only it and the runtime's @aws-sdk, like /var/task. When that fails (NO), the times are from the repo copy, where node_modules hides the missing package.`,
        `Import time is measured inside each child around \`await import(bundle)\` with PLUME_RUNTIME=aws and dummy settings; it excludes node's own start and Lambda's sandbox init.`,
      ],
      findings: groupFindings(results),
      targets: httpBundleTargets(
        results.flatMap((r) =>
          r.entry.name.startsWith('http-') && r.bundle && r.importMs
            ? [{ name: r.entry.name, bytes: r.bundle.bytes, importMs: r.importMs.median }]
            : [],
        ),
      ),
      data: {
        buildOptions: LAMBDA_BUILD_OPTIONS,
        importRuns: options.importRuns,
        functions: results.map((r) => ({
          name: r.entry.name,
          source: r.entry.source,
          bytes: r.bundle?.bytes,
          gzipBytes: r.bundle?.gzipBytes,
          importMs: r.importMs,
          importSamplesMs: r.samples?.map((s) => Math.round(s.importMs * 100) / 100),
          heapUsedBytes: r.samples ? Math.max(...r.samples.map((s) => s.heapUsedBytes)) : undefined,
          rssBytes: r.samples ? Math.max(...r.samples.map((s) => s.rssBytes)) : undefined,
          packages: r.bundle?.packages.slice(0, 10),
          externalImports: r.bundle?.externalImports,
          network: [...new Set(r.samples?.flatMap((s) => s.network))],
          leftOpen: [...new Set(r.samples?.flatMap((s) => s.leftOpen))],
          lambdaInitError: r.lambdaInitError,
          warnings: r.bundle?.warnings,
          error: r.error,
        })),
      },
    };
  },
};
