import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type * as PasswordStrengthModule from '../../functions/core/identity/password-strength';
import { REPO_ROOT } from '../../lib/paths';
import { buildPasswordChecker, PASSWORD_CHECKER_DEFINE } from '../../lib/password-checker';

type PasswordStrength = typeof PasswordStrengthModule;

// Inside the repository (as the bench's builds), out of git's way.
// cdk.out does not exist on a fresh clone until a synth has run.
mkdirSync(join(REPO_ROOT, 'cdk.out'), { recursive: true });
const outDir = mkdtempSync(join(REPO_ROOT, 'cdk.out', 'password-checker-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the password checker beside a Lambda bundle', () => {
  it('leaves zxcvbn out of the bundle, and the bundle judges passwords with the file built beside it', async () => {
    await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: [join(REPO_ROOT, 'functions/core/identity/password-strength.ts')],
      outfile: join(outDir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      define: PASSWORD_CHECKER_DEFINE,
      logLevel: 'silent',
    });
    const bundle = readFileSync(join(outDir, 'index.mjs'), 'utf8');
    expect(bundle).not.toContain('zxcvbn');
    expect(bundle.length).toBeLessThan(20_000);

    // The commands CDK runs after bundling.
    for (const command of buildPasswordChecker(REPO_ROOT, outDir)) execSync(command, { stdio: 'pipe' });

    const bundled = (await import(pathToFileURL(join(outDir, 'index.mjs')).href)) as PasswordStrength;
    expect(await bundled.passwordStrengthProblem('password1234', [])).toMatch(/too easy to guess/);
    expect(await bundled.passwordStrengthProblem('violet tractor oscillates quietly 47', [])).toBeUndefined();
  }, 60_000);
});
