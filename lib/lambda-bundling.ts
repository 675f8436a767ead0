/**
 * Packages every Lambda bundle takes from elsewhere (esbuild `alias`), shared by the construct
 * (lib/plume-function.ts) and the bench's bundles so both build the same code. Paths are
 * resolved from the repository root, where esbuild runs.
 */
export const LAMBDA_ALIASES: Readonly<Record<string, string>> = {
  // Lambda's credentials are always in the environment: the rest of the SDK's default chain
  // is dead weight there (functions/adapters/aws/lambda-credentials.ts).
  '@aws-sdk/credential-provider-node': './functions/adapters/aws/lambda-credentials.ts',
};

/** The same aliases as NodejsFunction `esbuildArgs` (`--alias:from=to`). */
export function aliasArgs(): Record<string, string> {
  return Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([from, to]) => [`--alias:${from}`, to]));
}
