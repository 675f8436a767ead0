import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import {
  createMastodonConnector,
  type MastodonConnectorOptions,
} from '../../../functions/platforms/mastodon';
import { captureLogger } from '../../support/logger';
import type { MastodonStandIn } from './mastodon-stand-in';

/** A Mastodon connector aimed at the stand-in, with a manual clock and a sleep that only records. */
export function mastodonUnderTest(
  standIn: MastodonStandIn,
  options: MastodonConnectorOptions & { timeoutMs?: number } = {},
) {
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const logger = captureLogger();
  const waits: number[] = [];
  const connector = createMastodonConnector(
    { fetch, clock, logger, timeoutMs: options.timeoutMs ?? 2000 },
    {
      allowPrivateInstances: true,
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
      ...options,
    },
  );
  const credentials: AccountCredentials = {
    accountId: '109',
    accessToken: 'token-alice',
    scopes: ['read:accounts', 'read:statuses', 'write:statuses', 'write:media'],
    serviceUrl: standIn.url,
    handle: 'alice@127.0.0.1',
  };
  return { connector, clock, logger, waits, credentials };
}
