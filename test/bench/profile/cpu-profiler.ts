import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * V8's sampling CPU profiler on this process, switched on and off by the benchmark (over
 * IPC), so a profile covers exactly one measured load phase: not the start, the migrations
 * or the warm-up that `node --cpu-prof` would mix in. The output is the same `.cpuprofile`
 * JSON that `--cpu-prof` writes (Chrome DevTools and speedscope open it).
 */
export class CpuProfiler {
  private session: Session | undefined;

  /** `intervalUs`: microseconds between samples (V8's default and --cpu-prof's is 1000). */
  async start(intervalUs: number): Promise<void> {
    if (this.session) throw new Error('the CPU profiler is already running');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    this.session = session;
  }

  /** Stops sampling and writes the profile to `file`. */
  async stop(file: string): Promise<string> {
    const session = this.session;
    if (!session) throw new Error('the CPU profiler is not running');
    this.session = undefined;
    try {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      return file;
    } finally {
      session.disconnect();
    }
  }
}
