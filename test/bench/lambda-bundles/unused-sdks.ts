import type { Capability } from '../../../lib/function-access';
import type { PackageShare } from './bundle';
import type { LambdaEntry } from './entries';

/**
 * The SDKs (and other heavy packages) that only one port or capability calls. A function
 * bundling one without that grant carries code it never runs: its grants are exactly the ports
 * its code calls (test/infra/function-ports.test.ts), so the package is dead weight.
 */
const PACKAGE_CAPABILITY: Record<string, Capability | 'database'> = {
  '@anthropic-ai/sdk': 'llm',
  '@aws-sdk/client-bedrock-runtime': 'llm',
  stripe: 'stripe',
  '@aws-sdk/client-s3': 'media',
  '@aws-sdk/s3-request-presigner': 'media',
  '@aws-sdk/s3-presigned-post': 'media',
  '@aws-sdk/client-sesv2': 'mail',
  '@aws-sdk/client-kms': 'crypto',
  '@aws-sdk/client-sqs': 'queues',
  '@aws-sdk/client-scheduler': 'scheduler',
  '@aws-sdk/client-apigatewaymanagementapi': 'realtime',
  postgres: 'database',
  'drizzle-orm': 'database',
};

const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

/** One finding per package the function bundles but is not granted the use of. */
export function unusedSdkFindings(entry: LambdaEntry, packages: PackageShare[]): string[] {
  const { wiring } = entry;
  if (!wiring) return [];
  const granted = new Set<string>(wiring.capabilities);
  if (wiring.database) granted.add('database');
  return packages
    .filter((pkg) => pkg.name in PACKAGE_CAPABILITY && !granted.has(PACKAGE_CAPABILITY[pkg.name]!))
    .map(
      (pkg) =>
        `bundles ${pkg.name} (${kib(pkg.bytes)}) though it never calls ${PACKAGE_CAPABILITY[pkg.name]}`,
    );
}

/**
 * zod's locales (~260 KiB) ride along when any bundled module writes `import { z } from 'zod'`:
 * esbuild cannot tree-shake the aliased namespace; `import * as z from 'zod'` can be.
 */
export function zodLocalesFinding(localeBytes: number): string[] {
  return localeBytes > 16 * 1024
    ? [
        `bundles zod's locales (${kib(localeBytes)}): some bundled module imports { z } from 'zod' (write import * as z)`,
      ]
    : [];
}
