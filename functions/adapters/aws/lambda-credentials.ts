import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (the esbuild alias in
 * lib/lambda-bundling.ts). Lambda gives every function its role's credentials in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first
 * link of the SDK's default chain; the other links (profiles and SSO, web identity, a credential
 * process, container and instance metadata) can never answer there, yet bundled they brought
 * STS, SSO and sign-in clients of their own: about 80 KB that every cold start parsed.
 * Outside Lambda (the local runtime, tests) the SDK's own chain is used unchanged.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> =>
  fromEnv(init);

/** The chain's other exports, with the SDK's meaning: credentials with an end need refreshing. */
export const credentialsWillNeedRefresh = (credentials?: { expiration?: Date }): boolean =>
  credentials?.expiration !== undefined;

/** Treated as expired five minutes before their end, as the SDK's chain does. */
export const credentialsTreatedAsExpired = (credentials?: { expiration?: Date }): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
