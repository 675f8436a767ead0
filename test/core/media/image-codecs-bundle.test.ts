import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_CODEC_WASM_FILES } from '../../../functions/core/media/image-codecs';

const variantsModule = new URL('../../../functions/core/media/image-variants.ts', import.meta.url).pathname;
const codecsModule = new URL('../../../functions/core/media/image-codecs.ts', import.meta.url).pathname;

/**
 * A Lambda bundle has no node_modules: the codecs must run from one ESM file with the .wasm
 * files copied into `wasm/` beside it (what the jobs function's bundling must do).
 */
describe('image codecs in a Lambda-style bundle', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('bundles with esbuild and renders variants with only wasm/ beside the bundle', async () => {
    dir = await mkdtemp(join(tmpdir(), 'plume-wasm-bundle-'));
    const entry = join(dir, 'entry.ts');
    await writeFile(
      entry,
      `import { renderImageVariants } from ${JSON.stringify(variantsModule)};
import { encodeImage } from ${JSON.stringify(codecsModule)};
const data = new Uint8ClampedArray(64 * 48 * 4).fill(200);
const jpeg = await encodeImage({ data, width: 64, height: 48 }, 'jpeg', 80);
const { variants } = await renderImageVariants(jpeg, 'image/jpeg');
console.log(JSON.stringify(variants.map((v) => [v.name, v.width, v.height])));
`,
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: join(dir, 'out', 'index.mjs'),
      banner: {
        js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'silent',
    });
    await mkdir(join(dir, 'out', 'wasm'));
    const resolve = createRequire(import.meta.url).resolve;
    await Promise.all(
      IMAGE_CODEC_WASM_FILES.map((f) => copyFile(resolve(f), join(dir, 'out', 'wasm', basename(f)))),
    );
    // Run from the bundle's folder, where no node_modules can be found.
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'out', 'index.mjs')], {
      cwd: dir,
    });
    expect(JSON.parse(stdout)).toEqual([
      ['feed-jpeg', 64, 48],
      ['feed-webp', 64, 48],
      ['instagram-square', 48, 48],
      ['instagram-portrait', 38, 48],
      ['thumbnail', 64, 48],
    ]);
  }, 60_000);
});
