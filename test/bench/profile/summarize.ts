import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchTable } from '../benchmark';
import { REPO_ROOT } from '../paths';
import { renderTable } from '../report/table';

/** The parts of V8's `.cpuprofile` JSON (Profiler.Profile) the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first since startTime). */
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  /** Where it is (`functions/db/tenant.ts:42`, `drizzle-orm/pg-core/dialect.js:310`), or ''. */
  location: string;
  group: string;
  selfMs: number;
}

export interface ProfileSummary {
  /** Wall time covered by samples, ms. */
  totalMs: number;
  /** Time the thread waited for I/O (`(idle)`), ms: not CPU. */
  idleMs: number;
  /** totalMs - idleMs: the CPU time the percentages are of. */
  busyMs: number;
  samples: number;
  functions: SelfTime[];
  groups: Array<{ group: string; selfMs: number }>;
}

/** V8's pseudo-frames: not JavaScript, but where the time went all the same. */
const PSEUDO_FRAMES: Record<string, string> = {
  '(garbage collector)': '(garbage collector)',
  '(program)': '(program: V8 and native code outside JS)',
  '(idle)': '(idle)',
  '(root)': '(root)',
};

const REPO_URL = `file://${REPO_ROOT}/`;

/**
 * The package a frame belongs to: the npm package for code under node_modules (the last
 * node_modules in the path wins, scoped names kept), `node:<module>` for node's own code,
 * `(plume) <top two folders>` for ours, and V8's pseudo-frames by name.
 */
export function groupOf(functionName: string, url: string): string {
  if (!url) return PSEUDO_FRAMES[functionName] ?? '(native V8 builtins)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first = '', second = ''] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) {
    const module = url.slice('node:'.length);
    // node:internal/streams/writable -> node:internal/streams; node:net stays node:net.
    return `node:${module
      .split('/')
      .slice(0, module.startsWith('internal/') ? 2 : 1)
      .join('/')}`;
  }
  const path = url.startsWith(REPO_URL) ? url.slice(REPO_URL.length) : url.startsWith('/') ? url : '';
  if (path && !path.startsWith('/')) return `(plume) ${path.split('/').slice(0, 2).join('/')}`;
  return url;
}

function locationOf(url: string, lineNumber: number): string {
  if (!url) return '';
  let path = url;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) path = url.slice(modules + '/node_modules/'.length);
  else if (url.startsWith(REPO_URL)) path = url.slice(REPO_URL.length);
  // tsx hands V8 our TypeScript with its whitespace minified: every function is on line 1,
  // so a line number would mislead (the function name says where).
  if (/\.tsx?$/.test(path)) return path;
  // V8 counts lines from 0; editors from 1.
  return `${path}:${lineNumber + 1}`;
}

/**
 * Self time per function and per package. Each sample is charged the time until the next
 * sample (as Chrome DevTools does); the last one gets the mean interval.
 */
export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  const meanDelta = samples.length > 0 ? (profile.endTime - profile.startTime) / samples.length : 0;
  for (let i = 0; i < samples.length; i += 1) {
    const delta = i + 1 < timeDeltas.length ? (timeDeltas[i + 1] ?? 0) : meanDelta;
    const id = samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  }
  const functions = new Map<string, SelfTime>();
  const groups = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const group = groupOf(frame.functionName, frame.url);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const location = locationOf(frame.url, frame.lineNumber);
    const name = frame.functionName || '(anonymous)';
    // The same function appears once per distinct call path: add them up.
    const key = `${name}\n${location}`;
    const entry = functions.get(key) ?? { name, location, group, selfMs: 0 };
    entry.selfMs += us / 1000;
    functions.set(key, entry);
  }
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    samples: samples.length,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    groups: [...groups]
      .map(([group, us]) => ({ group, selfMs: us / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs),
  };
}

const percent = (part: number, whole: number): string =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '-';
const ms = (value: number): string => `${value.toFixed(0)} ms`;

/** The two tables the bench prints: packages and functions by self time, as shares of busy CPU time. */
export function profileTables(
  summary: ProfileSummary,
  title: string,
  top = { groups: 15, functions: 25 },
): BenchTable[] {
  return [
    {
      title: `${title}: self time by package (${ms(summary.busyMs)} busy of ${ms(summary.totalMs)} sampled; idle excluded)`,
      columns: ['package', 'self', 'of busy'],
      rows: summary.groups
        .slice(0, top.groups)
        .map((g) => [g.group, ms(g.selfMs), percent(g.selfMs, summary.busyMs)]),
    },
    {
      title: `${title}: top functions by self time`,
      columns: ['function', 'self', 'of busy', 'package', 'where'],
      rows: summary.functions
        .slice(0, top.functions)
        .map((f) => [
          f.name.slice(0, 48),
          ms(f.selfMs),
          percent(f.selfMs, summary.busyMs),
          f.group,
          f.location,
        ]),
    },
  ];
}

export async function readProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
}

// `npx tsx test/bench/profile/summarize.ts <file.cpuprofile> [...]`: the same tables for any
// profile, e.g. one written by `node --cpu-prof`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npx tsx test/bench/profile/summarize.ts <file.cpuprofile> [...]');
    process.exitCode = 2;
  }
  for (const file of files) {
    for (const table of profileTables(summarizeProfile(await readProfile(file)), file))
      console.log(`${renderTable(table)}\n`);
  }
}
