import { execFileSync } from 'node:child_process';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  platform: string;
  release: string;
  arch: string;
  cpuCount: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  v8: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
  /** The commit measured, and whether the working tree had uncommitted changes. */
  gitCommit: string | undefined;
  gitDirty: boolean | undefined;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** What the figures depend on: numbers from a 2-core CI box and a laptop are not comparable. */
export function machineInfo(): MachineInfo {
  const cores = cpus();
  const status = git(['status', '--porcelain']);
  return {
    platform: platform(),
    release: release(),
    arch: arch(),
    cpuCount: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === undefined ? undefined : status.length > 0,
  };
}

export function describeMachine(info: MachineInfo): string {
  const commit = info.gitCommit ? `${info.gitCommit.slice(0, 10)}${info.gitDirty ? '+dirty' : ''}` : 'no git';
  return `${info.cpuCount} x ${info.cpuModel}, ${info.memoryGiB} GiB, ${info.platform} ${info.arch}, node ${info.node}, ${commit}, load ${info.loadAverage}`;
}
