import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes one run to `<dir>/<timestamp>.json` and `<dir>/latest.json`. Quick (smoke) runs go
 * to `-quick` files so they never replace the figures of the last full run.
 */
export async function writeResults(
  dir: string,
  startedAt: Date,
  quick: boolean,
  payload: unknown,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  // Colons are not allowed in file names on every OS; keep the ISO order so names sort by time.
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const suffix = quick ? '-quick' : '';
  const file = join(dir, `${stamp}${suffix}.json`);
  const text = `${JSON.stringify(payload, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(join(dir, `latest${suffix}.json`), text);
  return file;
}
