/**
 * The password checker (zxcvbn and its ~1.6 MB of dictionaries) is built into its own file
 * beside the bundles of the functions that judge new passwords, and loaded from there on the
 * first password judged (functions/core/identity/password-strength.ts): the rest of their
 * requests never parse it at a cold start.
 */

/** Route-table areas whose operations judge a new password (register, reset, accept an invitation). */
export const AREAS_THAT_JUDGE_PASSWORDS: readonly string[] = ['auth', 'organizations'];

export const PASSWORD_CHECKER_ENTRY = 'functions/core/identity/password-checker.ts';
export const PASSWORD_CHECKER_FILE = 'password-checker.mjs';

/** The esbuild define that makes password-strength.ts load the file instead of bundling it. */
export const PASSWORD_CHECKER_DEFINE: Record<string, string> = {
  'process.env.PLUME_PASSWORD_CHECKER': JSON.stringify('beside-bundle'),
};

/** Bundling commands that build the checker beside the function's bundle (local esbuild, as NodejsFunction uses). */
export function buildPasswordChecker(inputDir: string, outputDir: string): string[] {
  return [
    [
      `"${inputDir}/node_modules/.bin/esbuild"`,
      `"${inputDir}/${PASSWORD_CHECKER_ENTRY}"`,
      '--bundle --platform=node --format=esm --target=node22 --minify --main-fields=module,main',
      '--log-level=warning',
      `--outfile="${outputDir}/${PASSWORD_CHECKER_FILE}"`,
    ].join(' '),
  ];
}
