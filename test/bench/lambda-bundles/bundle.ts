import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { portDefines } from '../../../lib/bundled-ports';
import { LAMBDA_ALIASES } from '../../../lib/lambda-bundling';
import {
  PASSWORD_CHECKER_DEFINE,
  PASSWORD_CHECKER_ENTRY,
  PASSWORD_CHECKER_FILE,
} from '../../../lib/password-checker';
import type { LambdaEntry } from './entries';

/**
 * esbuild settings of a Plume Lambda, mirroring the `bundling` props of PlumeFunction
 * (lib/plume-function.ts) as NodejsFunction turns them into esbuild flags: Node.js 22, ESM,
 * minified, linked source maps without sources, the same aliases (lib/lambda-bundling.ts).
 * The AWS SDK is bundled (the construct pins the tested versions instead of using the
 * runtime's copy); only PGlite, the local-only database, is external. ESM output has no `require`, so CommonJS dependencies get one from
 * the banner. Keep in step with lib/plume-function.ts.
 */
export const LAMBDA_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  external: ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'],
  alias: { ...LAMBDA_ALIASES },
  banner: {
    js: "import { createRequire as __plumeCreateRequire } from 'module'; const require = __plumeCreateRequire(import.meta.url);",
  },
} satisfies BuildOptions;

export interface PackageShare {
  /** npm package name, or `(plume)` for the repository's own source. */
  name: string;
  bytes: number;
}

export interface BundleOutput {
  entry: LambdaEntry;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Bytes each package contributes to the minified output, largest first. */
  packages: PackageShare[];
  /** Bytes of zod's locale files in the output (all of them ride along with `import { z }`). */
  zodLocaleBytes: number;
  /**
   * External packages the bundle imports at module scope, so every cold start loads them,
   * and those it only imports on demand.
   */
  externalImports: { static: string[]; dynamic: string[] };
  warnings: string[];
}

/** `node_modules/@scope/name/x.js` -> `@scope/name`; the innermost node_modules wins. */
export function packageOf(inputPath: string): string {
  const marker = 'node_modules/';
  const at = inputPath.lastIndexOf(marker);
  if (at === -1) return '(plume)';
  const parts = inputPath.slice(at + marker.length).split('/');
  const first = parts[0] ?? '';
  return first.startsWith('@') ? `${first}/${parts[1] ?? ''}` : first;
}

function packageShares(metafile: Metafile, outfileRelative: string): PackageShare[] {
  const output = metafile.outputs[outfileRelative];
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function externalImports(metafile: Metafile, outfileRelative: string): BundleOutput['externalImports'] {
  const imports = metafile.outputs[outfileRelative]?.imports ?? [];
  const external = (dynamic: boolean): string[] =>
    [
      ...new Set(
        imports
          .filter((i) => i.external && !isBuiltin(i.path) && (i.kind === 'dynamic-import') === dynamic)
          .map((i) => packageOf(`node_modules/${i.path}`)),
      ),
    ].sort();
  const staticImports = external(false);
  return { static: staticImports, dynamic: external(true).filter((name) => !staticImports.includes(name)) };
}

/**
 * Bundles one entry into `<outRoot>/<name>/index.mjs`. outRoot sits inside the repository so
 * external imports resolve from its node_modules.
 */
export async function bundleEntry(
  entry: LambdaEntry,
  repoRoot: string,
  outRoot: string,
): Promise<BundleOutput> {
  const file = join(outRoot, entry.name, 'index.mjs');
  const outfileRelative = relative(repoRoot, file);
  const result = await build({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: repoRoot,
    entryPoints: [join(repoRoot, entry.source)],
    // Per function, as lib/plume-function.ts: the ports it is not granted are left out.
    define: {
      ...(entry.wiring ? portDefines(entry.wiring) : {}),
      ...(entry.passwordChecker ? PASSWORD_CHECKER_DEFINE : {}),
    },
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  if (entry.passwordChecker) {
    // Built beside the bundle as lib/password-checker.ts does; loaded on the first password judged.
    await build({
      ...LAMBDA_BUILD_OPTIONS,
      sourcemap: false,
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, PASSWORD_CHECKER_ENTRY)],
      outfile: join(outRoot, entry.name, PASSWORD_CHECKER_FILE),
      logLevel: 'silent',
    });
  }
  const code = await readFile(file);
  return {
    entry,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    packages: packageShares(result.metafile, outfileRelative),
    zodLocaleBytes: Object.entries(result.metafile.outputs[outfileRelative]?.inputs ?? {})
      .filter(([path]) => path.includes('node_modules/zod/v4/locales/'))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0),
    externalImports: externalImports(result.metafile, outfileRelative),
    warnings: result.warnings.map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.text}`),
  };
}
