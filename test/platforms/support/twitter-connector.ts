import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import { createTwitterConnector, type TwitterConnectorOptions } from '../../../functions/platforms/twitter';
import { captureLogger } from '../../support/logger';
import type { TwitterStandIn } from './twitter-stand-in';

/** An X connector aimed at the stand-in, with a manual clock and a sleep that only records. */
export function twitterUnderTest(
  standIn: TwitterStandIn,
  options: TwitterConnectorOptions & { timeoutMs?: number } = {},
) {
  const clock = new ManualClock(standIn.nowSeconds * 1000);
  const logger = captureLogger();
  const waits: number[] = [];
  const connector = createTwitterConnector(
    {
      fetch,
      clock,
      logger,
      timeoutMs: options.timeoutMs ?? 2000,
      endpoints: { api: standIn.url, auth: 'https://x.test' },
    },
    {
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
      ...options,
    },
  );
  const credentials: AccountCredentials = {
    accountId: '2244994945',
    accessToken: 'token-alice',
    refreshToken: 'refresh-1',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
    handle: 'alice',
  };
  return { connector, clock, logger, waits, credentials };
}
