import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AREAS_THAT_DECODE_IMAGES, copyCodecWasm } from '../../../lib/codec-wasm';
import { fromRoot } from '../../../lib/paths';
import { makeGif, makePng } from './images';

const run = promisify(execFile);
const inspectModule = fromRoot('functions/core/media/inspect-content.ts');

/**
 * `complete` decodes uploads in the media API's Lambda: its bundle must carry file-type,
 * mp4box and omggif, and find the codecs' WebAssembly that the CDK hook copies beside it.
 */
describe('content inspection in a Lambda-style bundle', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is wired into the media area, and decodes with only the bundle and wasm/ beside it', async () => {
    expect(AREAS_THAT_DECODE_IMAGES).toEqual(['media']);
    dir = await mkdtemp(join(tmpdir(), 'plume-inspect-bundle-'));
    const entry = join(dir, 'entry.ts');
    await writeFile(
      entry,
      `import { readFile } from 'node:fs/promises';
import { inspectContent } from ${JSON.stringify(inspectModule)};
const verdicts = [];
for (const path of process.argv.slice(2)) {
  const bytes = new Uint8Array(await readFile(path));
  const result = await inspectContent({ size: bytes.length, read: async (s, e) => bytes.subarray(s, e) });
  verdicts.push(result.reason ?? result.mimeType);
}
console.log(JSON.stringify(verdicts));
`,
    );
    const out = join(dir, 'out');
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      outfile: join(out, 'index.mjs'),
      banner: {
        js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'silent',
    });
    for (const command of copyCodecWasm(fromRoot('.'), out)) await run('sh', ['-c', command]);
    const files = {
      'a.png': await makePng(20, 10),
      'b.gif': makeGif(6, 4),
      'c.png': new TextEncoder().encode('a text file renamed .png'),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const args = [
      ...Object.keys(files).map((name) => join(dir, name)),
      fromRoot('test/core/media/fixtures/clip-moov-at-end.mp4'),
    ];
    // Run from the bundle's folder, where no node_modules can be found.
    const { stdout } = await run(process.execPath, [join(out, 'index.mjs'), ...args], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual(['image/png', 'image/gif', 'unrecognised', 'video/mp4']);
  }, 60_000);
});
