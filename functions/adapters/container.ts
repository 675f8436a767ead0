import type { Container } from '../core/ports/container';

export type { Container } from '../core/ports/container';

let current: Container | undefined;
let building: Promise<Container> | undefined;

/** The local runtime and tests install their container explicitly. */
export function setContainer(container: Container | undefined): void {
  current = container;
  building = undefined;
}

/**
 * Returns the process's container; in Lambda (PLUME_RUNTIME=aws) it is built on first use
 * and kept for the life of the execution environment.
 */
export async function getContainer(): Promise<Container> {
  if (current) return current;
  building ??= (async () => {
    const { loadEnv } = await import('../config/env');
    const env = loadEnv();
    if (env.PLUME_RUNTIME !== 'aws') {
      throw new Error('No container installed: the local runtime or the test must call setContainer()');
    }
    const { createAwsContainer } = await import('./aws');
    current = await createAwsContainer(env);
    return current;
  })();
  return building;
}
