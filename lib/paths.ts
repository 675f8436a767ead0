import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from this file rather than the working directory so the CDK
 * CLI, tests and editors resolve Lambda entries and the lock file the same way.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a file given relative to the repository root. */
export const fromRoot = (relativePath: string): string => join(REPO_ROOT, relativePath);

/** The version in package.json, stamped on every function as PLUME_VERSION. */
export function packageVersion(): string {
  const pkgPath = fromRoot('package.json');
  if (!existsSync(pkgPath)) return '0.0.0';
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
