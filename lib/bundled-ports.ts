import type { Capability } from './function-access';

/** What a function's bundle wires into its container (functions/adapters/aws/index.ts). */
export interface PortWiring {
  /** Whether it reaches the database (VPC functions); the others leave postgres.js and drizzle out. */
  database: boolean;
  capabilities: readonly Capability[];
}

/** The build-time switch of each optional port; `platform-apps` is a secret, not a port. */
export const PORT_SWITCHES: Record<Exclude<Capability, 'platform-apps'> | 'database', string> = {
  database: 'PLUME_WIRE_DATABASE',
  queues: 'PLUME_WIRE_QUEUES',
  media: 'PLUME_WIRE_MEDIA',
  crypto: 'PLUME_WIRE_CRYPTO',
  mail: 'PLUME_WIRE_MAIL',
  realtime: 'PLUME_WIRE_REALTIME',
  scheduler: 'PLUME_WIRE_SCHEDULER',
  llm: 'PLUME_WIRE_LLM',
  stripe: 'PLUME_WIRE_STRIPE',
};

/**
 * esbuild `define`s that switch off, at build time, every port the function is not granted:
 * the container then answers "unavailable" for it and esbuild drops its adapter and SDK. The
 * grants are the ports the code calls (test/infra/function-ports.test.ts), so nothing a
 * function uses is ever switched off.
 */
export function portDefines(wiring: PortWiring): Record<string, string> {
  const wired = new Set<string>(wiring.capabilities);
  if (wiring.database) wired.add('database');
  return Object.fromEntries(
    Object.entries(PORT_SWITCHES)
      .filter(([port]) => !wired.has(port))
      .map(([, variable]) => [`process.env.${variable}`, JSON.stringify('off')]),
  );
}
