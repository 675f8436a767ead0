import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  SecretsManagerSecrets,
  secretSourcesFromEnv,
} from '../../functions/adapters/aws/secrets-manager-secrets';
import { setContainer, type Container } from '../../functions/adapters/container';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { loadEnv } from '../../functions/config/env';
import { createAreaHandler } from '../../functions/http/area-handler';
import { systemContracts } from '../../functions/shared/contracts/system';
import type { ResponseBodyOf } from '../../functions/http/operation';
import { ORIGIN_VERIFY_HEADER, clientIp } from '../../functions/http/request-origin';
import { localLambdaContext } from '../../functions/local/lambda-context';
import { httpEvent } from '../support/api-gateway';
import { captureLogger } from '../support/logger';
import { startSecretsManagerServer, type SecretsManagerServer } from '../support/secrets-manager-server';

const ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:Plume-OriginVerify-AbCdEf';
const CURRENT = 'c'.repeat(20) + 'CurrentValue0123456789';
const PREVIOUS = 'p'.repeat(20) + 'PreviousValue012345678';
const HEALTHY: ResponseBodyOf<'getHealth'> = {
  status: 'ok',
  version: 'test',
  time: '2026-01-01T00:00:00.000Z',
  database: { ok: true },
};
const VIEWER = '203.0.113.7';
const SOURCE = '127.0.0.1';

/**
 * The caller's address through the real HTTP pipeline (createAreaHandler), with the secret
 * read by the real Secrets Manager adapter from a local server speaking its protocol.
 */
describe('the caller address behind CloudFront', () => {
  let server: SecretsManagerServer;
  const secretValues: Record<string, string> = {};
  const logger = captureLogger();

  beforeAll(async () => {
    server = await startSecretsManagerServer(secretValues);
  });
  afterAll(() => server.close());
  afterEach(() => setContainer(undefined));

  function install(env: Record<string, string>): void {
    const parsed = loadEnv(env);
    const client = new SecretsManagerClient({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const secrets = new SecretsManagerSecrets(client, secretSourcesFromEnv(parsed), new ManualClock());
    setContainer({ env: parsed, secrets, logger } as unknown as Container);
  }

  /** What the operation sees: the address, and whether the secret header reached it. */
  async function seenBy(headers: Record<string, string>): Promise<{ ip: string; secretSeen: boolean }> {
    let seen: APIGatewayProxyEventV2 | undefined;
    const handler = createAreaHandler('system', systemContracts, {
      getHealth: async (_input, { event }) => {
        seen = event;
        return { body: HEALTHY };
      },
    });
    const result = await handler(httpEvent('GET /api/health', { headers }), localLambdaContext('test'));
    expect(result.statusCode).toBe(200);
    return { ip: clientIp(seen!), secretSeen: ORIGIN_VERIFY_HEADER in seen!.headers };
  }

  const viaCloudFront = (secret: string) => ({
    'cloudfront-viewer-address': `${VIEWER}:46532`,
    [ORIGIN_VERIFY_HEADER]: secret,
  });

  it('believes CloudFront-Viewer-Address only from a request carrying the current secret', async () => {
    secretValues[ARN] = JSON.stringify({ current: CURRENT, previous: '' });
    install({ ORIGIN_VERIFY_SECRET_ARN: ARN });
    expect(await seenBy(viaCloudFront(CURRENT))).toEqual({ ip: VIEWER, secretSeen: false });
  });

  it('ignores the header from a direct caller of the API URL, with a wrong secret or none', async () => {
    secretValues[ARN] = JSON.stringify({ current: CURRENT, previous: '' });
    install({ ORIGIN_VERIFY_SECRET_ARN: ARN });
    // What the stack used to set on every function, trusting the header from anyone.
    process.env.TRUST_VIEWER_ADDRESS = 'true';
    onTestFinished(() => {
      delete process.env.TRUST_VIEWER_ADDRESS;
    });
    expect(await seenBy({ 'cloudfront-viewer-address': `${VIEWER}:1` })).toEqual({
      ip: SOURCE,
      secretSeen: false,
    });
    expect(await seenBy(viaCloudFront('x'.repeat(42)))).toEqual({ ip: SOURCE, secretSeen: false });
    expect(await seenBy(viaCloudFront(CURRENT.slice(0, -1)))).toEqual({ ip: SOURCE, secretSeen: false });
    // An empty `previous` never matches an empty header.
    expect(await seenBy(viaCloudFront(''))).toEqual({ ip: SOURCE, secretSeen: false });
  });

  it('accepts the previous value during a rotation, and not once it is gone', async () => {
    secretValues[ARN] = JSON.stringify({ current: CURRENT, previous: PREVIOUS });
    install({ ORIGIN_VERIFY_SECRET_ARN: ARN });
    expect((await seenBy(viaCloudFront(PREVIOUS))).ip).toBe(VIEWER);
    expect((await seenBy(viaCloudFront(CURRENT))).ip).toBe(VIEWER);

    secretValues[ARN] = JSON.stringify({ current: CURRENT, previous: '' });
    install({ ORIGIN_VERIFY_SECRET_ARN: ARN });
    expect((await seenBy(viaCloudFront(PREVIOUS))).ip).toBe(SOURCE);
  });

  it('trusts nothing where no secret is configured (the local runtime), and still hides the header', async () => {
    install({});
    expect(await seenBy(viaCloudFront(CURRENT))).toEqual({ ip: SOURCE, secretSeen: false });
  });

  it('falls back to the source address, and says why, when the secret cannot be read', async () => {
    delete secretValues[ARN];
    install({ ORIGIN_VERIFY_SECRET_ARN: ARN });
    logger.entries.length = 0;
    expect((await seenBy(viaCloudFront(CURRENT))).ip).toBe(SOURCE);
    expect(logger.entries.map((e) => e.message)).toContain(
      'Origin-verify secret unreadable: CloudFront-Viewer-Address ignored',
    );
  });
});
