import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Runs in a fresh `node` (no tsx, no loaders: a Lambda has none) as an ES module. It records
 * every socket connect and DNS lookup, times `await import(bundle)`, lets pending callbacks
 * run, and prints one JSON line. Only the import is timed; the instrumentation is not.
 */
const PROBE_SOURCE = String.raw`
import net from 'node:net';
import dns from 'node:dns';
const network = [];
const target = (args) => {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') return first.path ?? (first.host ?? 'localhost') + ':' + first.port;
  return (typeof args[1] === 'string' ? args[1] : 'localhost') + ':' + String(first);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  network.push('connect ' + target(args));
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  network.push('dns ' + host);
  return lookup.call(this, host, ...rest);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  network.push('dns ' + host);
  return lookupPromise.call(this, host, ...rest);
};
const countResources = () => {
  const counts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
};
// stdio handles are created on first use (importing 'process' in ESM touches all three):
// create them now so they are not blamed on the module.
void process.stdin;
void process.stdout.writableLength;
void process.stderr.writableLength;
const before = countResources();
let importMs;
try {
  const started = performance.now();
  await import(process.argv[1]);
  importMs = performance.now() - started;
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error && error.stack || error) }) + '\n');
  process.exit(1);
}
// Let work that module scope started without awaiting it reach the network.
await new Promise((resolve) => setImmediate(resolve));
await new Promise((resolve) => setTimeout(resolve, 50));
const after = countResources();
const leftOpen = Object.entries(after)
  .filter(([type, n]) => n > (before[type] ?? 0))
  .map(([type, n]) => type + ' x' + (n - (before[type] ?? 0)));
const memory = process.memoryUsage();
process.stdout.write(JSON.stringify({ importMs, network, leftOpen, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed }) + '\n');
process.exit(0);
`;

export interface ImportSample {
  importMs: number;
  /** Connects and DNS lookups made while importing (and just after). Should be empty. */
  network: string[];
  /** Handles (sockets, timers) that module scope left open. Should be empty. */
  leftOpen: string[];
  rssBytes: number;
  heapUsedBytes: number;
}

interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const PROBE_TIMEOUT_MS = 60_000;

function runNode(args: string[], env: Record<string, string>): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: PROBE_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Imports `file` in a new node process with `env` (and nothing else) and returns its timing. */
export async function probeImport(file: string, env: Record<string, string>): Promise<ImportSample> {
  const run = await runNode(['--input-type=module', '--eval', PROBE_SOURCE, pathToFileURL(file).href], env);
  if (run.code !== 0) {
    const reported = lastJsonLine<{ error?: string }>(run.stdout);
    throw new Error(reported?.error ?? (run.stderr.trim() || `node exited with ${run.code}`));
  }
  const sample = lastJsonLine<ImportSample>(run.stdout);
  if (!sample) throw new Error(`the probe printed no result: ${run.stdout.slice(-500)}`);
  return sample;
}

/** The probe prints its result last; a module that logs at import prints before it. */
function lastJsonLine<T>(output: string): T | undefined {
  const line = output.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}
