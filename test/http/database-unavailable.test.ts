import { afterEach, describe, expect, it } from 'vitest';
import { setContainer, type Container } from '../../functions/adapters/container';
import { DatabaseUnavailableError } from '../../functions/db/connect-retry';
import { createAreaHandler } from '../../functions/http/area-handler';
import { systemContracts } from '../../functions/shared/contracts/system';
import { localLambdaContext } from '../../functions/local/lambda-context';
import { httpEvent } from '../support/api-gateway';
import { captureLogger } from '../support/logger';

describe('a database still resuming after both connection attempts', () => {
  afterEach(() => setContainer(undefined));

  it('answers 503 problem+json with Retry-After, not 500', async () => {
    const logger = captureLogger();
    setContainer({ logger } as unknown as Container);
    const timeout = Object.assign(new Error('write CONNECT_TIMEOUT'), { code: 'CONNECT_TIMEOUT' });
    // drizzle wraps what the driver throws; the cause chain says what happened.
    const failure = new Error('Failed query: select 1', {
      cause: new DatabaseUnavailableError(2, { cause: timeout }),
    });
    const handler = createAreaHandler('system', systemContracts, {
      getHealth: async () => {
        throw failure;
      },
    });
    const result = await handler(httpEvent('GET /api/health'), localLambdaContext('test'));
    expect(result.statusCode).toBe(503);
    expect(result.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'retry-after': '10',
    });
    expect(JSON.parse(result.body ?? '')).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      detail: 'The database is waking up; try again in a few seconds.',
    });
  });
});
