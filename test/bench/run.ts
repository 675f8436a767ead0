import { analyticsScale } from './analytics-scale';
import { analyticsExport } from './analytics-export';
import { agentsAnomalies } from './agents-anomalies';
import { agentsEngagement } from './agents-engagement';
import { agentsBestTime } from './agents-best-time';
import { agentsCrisis } from './agents-crisis';
import { agentsLatency } from './agents-latency';
import { agentsMemory } from './agents-memory';
import type { Benchmark, BenchResult, TargetCheck } from './benchmark';
import { dashboardFirstLoad } from './dashboard';
import { httpLoad } from './http-load';
import { lambdaBundles } from './lambda-bundles';
import { llmOverhead } from './llm-overhead';
import { parseCliOptions, USAGE } from './options';
import { postsApi } from './posts-api';
import { publishLateness } from './publish-lateness';
import { recovery } from './recovery';
import { websocket } from './websocket';
import { REPO_ROOT, RESULTS_DIR } from './paths';
import { describeMachine, machineInfo } from './report/machine';
import { writeResults } from './report/results-file';
import { renderTable } from './report/table';
import { targetsTable } from './report/targets';

/**
 * `npm run bench`: runs each registered benchmark, prints its tables, and writes every
 * figure to test/bench/results/. A new benchmark is one module exporting a `Benchmark`,
 * added to this list.
 */
const BENCHMARKS: readonly Benchmark[] = [
  lambdaBundles,
  httpLoad,
  dashboardFirstLoad,
  publishLateness,
  postsApi,
  websocket,
  recovery,
  analyticsScale,
  analyticsExport,
  agentsAnomalies,
  agentsEngagement,
  llmOverhead,
  agentsBestTime,
  agentsCrisis,
  agentsLatency,
  agentsMemory,
];

function printResult(benchmark: Benchmark, result: BenchResult): void {
  console.log(`\n== ${benchmark.name}: ${benchmark.summary}\n`);
  for (const table of result.tables) console.log(`${renderTable(table)}\n`);
  for (const note of result.notes) console.log(`  note: ${note}`);
  for (const finding of result.findings) console.log(`  FINDING: ${finding}`);
  if (result.targets && result.targets.length > 0)
    console.log(`\n${renderTable(targetsTable(`${benchmark.name}: targets`, result.targets))}`);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env, REPO_ROOT);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(
      `${USAGE}\n\nBenchmarks:\n${BENCHMARKS.map((b) => `  ${b.name.padEnd(20)}${b.summary}`).join('\n')}`,
    );
    return 0;
  }
  const unknown = options.only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    return 2;
  }
  const selected = BENCHMARKS.filter((b) => options.only.length === 0 || options.only.includes(b.name));

  const startedAt = new Date();
  const machine = machineInfo();
  console.log(`Plume benchmarks${options.quick ? ' (quick smoke run: figures are indicative only)' : ''}`);
  console.log(`Machine: ${describeMachine(machine)}`);
  if (machine.loadAverage > machine.cpuCount / 2) {
    console.log(
      `Warning: load average ${machine.loadAverage} on ${machine.cpuCount} CPUs: other work will skew the figures.`,
    );
  }

  const results: Record<string, BenchResult | { error: string }> = {};
  const targets: Array<TargetCheck & { benchmark: string }> = [];
  let failed = false;
  for (const benchmark of selected) {
    try {
      const result = await benchmark.run(options);
      results[benchmark.name] = result;
      printResult(benchmark, result);
      targets.push(...(result.targets ?? []).map((t) => ({ ...t, benchmark: benchmark.name })));
    } catch (error) {
      // One broken benchmark must not hide the figures of the others.
      failed = true;
      results[benchmark.name] = { error: String((error as Error).stack ?? error) };
      console.log(`\n== ${benchmark.name}: FAILED\n${String((error as Error).stack ?? error)}`);
    }
  }

  // Every target of every row again at the end, so one glance says what is met.
  if (targets.length > 0)
    console.log(`\n${renderTable(targetsTable('All issue targets measured this run', targets))}`);

  if (options.write) {
    const { help: _help, write: _write, ...settings } = options;
    const file = await writeResults(RESULTS_DIR, startedAt, options.quick, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      mode: options.quick ? 'quick' : 'full',
      settings: { ...settings, databaseUrl: settings.databaseUrl ? '(set)' : undefined },
      machine,
      benchmarks: results,
    });
    console.log(`\nResults written to ${file.slice(REPO_ROOT.length + 1)}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
