import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LambdaLayout {
  /** Copies a bundle's folder (source map and files shipped beside it) into its own task folder; returns the bundle's new path. */
  place(name: string, bundleFile: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * A folder shaped like a Lambda's /var/task, outside the repository so nothing resolves from
 * its node_modules: each function gets only its bundle, plus the one package the Node.js 22
 * runtime itself provides (`@aws-sdk/*`). A bundle that still imports anything else at
 * module scope (an `external` that was never installed) fails here as it would in Lambda.
 */
export async function createLambdaLayout(repoRoot: string): Promise<LambdaLayout> {
  const root = await mkdtemp(join(tmpdir(), 'plume-bench-task-'));
  await mkdir(join(root, 'node_modules'));
  await symlink(join(repoRoot, 'node_modules', '@aws-sdk'), join(root, 'node_modules', '@aws-sdk'), 'dir');
  return {
    async place(name, bundleFile) {
      const taskDir = join(root, name);
      await cp(dirname(bundleFile), taskDir, { recursive: true });
      return join(taskDir, basename(bundleFile));
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** Whether an import failure is a missing package (vs. an error thrown by module code). */
export function isMissingModule(message: string): boolean {
  return /ERR_MODULE_NOT_FOUND|Cannot find (package|module)/.test(message);
}
