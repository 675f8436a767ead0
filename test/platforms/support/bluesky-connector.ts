import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { createBlueskyConnector, type BlueskyConnectorOptions } from '../../../functions/platforms/bluesky';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import { captureLogger } from '../../support/logger';
import { startBlueskyStandIns } from './bluesky-stand-in';

export type BlueskyStandIns = Awaited<ReturnType<typeof startBlueskyStandIns>>;

/** The stand-ins plus a connector aimed at them, with a manual clock and a sleep that only records. */
export async function blueskyUnderTest(options: BlueskyConnectorOptions & { timeoutMs?: number } = {}) {
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const logger = captureLogger();
  const waits: number[] = [];
  const net = await startBlueskyStandIns(clock);
  const { timeoutMs, ...connectorOptions } = options;
  const connectorWith = (timeout: number) =>
    createBlueskyConnector(
      {
        fetch,
        clock,
        logger,
        timeoutMs: timeout,
        endpoints: { service: net.entryway.url, video: net.video.url, appview: net.video.url },
      },
      {
        allowPrivateServices: true,
        sleep: async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
        ...connectorOptions,
      },
    );
  // Tests of timeouts shorten them for the calls under test only, not for signing in.
  const connector = connectorWith(timeoutMs ?? 5000);
  const { tokens, profile } = await connectorWith(5000).connect.login({
    identifier: net.world.handle,
    password: net.world.appPassword,
  });
  const credentials: AccountCredentials = {
    ...tokens,
    accountId: profile.accountId,
    handle: profile.handle,
    serviceUrl: profile.serviceUrl,
    extra: profile.extra,
  };
  return { net, connector, clock, logger, waits, credentials };
}

export async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
