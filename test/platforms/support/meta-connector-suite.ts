import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { PlatformError, type Connector, type OAuth2Flow } from '../../../functions/platforms/connector';
import type { ContainerStore } from './meta-graph-containers';
import { metaTestContext, type GraphStandIn, type MetaTestContext } from './meta-graph-stand-in';

/**
 * Runs a container-based stand-in (Instagram, Threads) for one test file: started once, its
 * recorded requests and scripted containers cleared and `reset` run before each test. The
 * returned context is renewed in place before each test (fresh clock, logger and sleeps).
 */
export function useContainerStandIn(
  standIn: { server: GraphStandIn; store: ContainerStore },
  options: { endpoints: (baseUrl: string) => Record<string, string>; reset: () => void },
): MetaTestContext {
  const env = {} as MetaTestContext;
  beforeAll(async () => {
    await standIn.server.start();
  });
  afterAll(() => standIn.server.close());
  beforeEach(() => {
    standIn.server.requests.length = 0;
    standIn.store.scripts.length = 0;
    options.reset();
    Object.assign(env, metaTestContext(options.endpoints(standIn.server.baseUrl)));
  });
  return env;
}

/** The error a promise rejects with, asserted to be a `PlatformError`. */
export async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

export function oauthFlow(connector: Connector): OAuth2Flow {
  const connect = connector.connect;
  if (connect.kind !== 'oauth2') throw new Error('expected OAuth');
  return connect;
}
