import { readFileSync } from 'node:fs';

/**
 * The soft limit on open files (`ulimit -n`) this process and its children inherit: each
 * socket is a file, so it caps the dashboards one process can hold. Undefined off Linux.
 */
export function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}
