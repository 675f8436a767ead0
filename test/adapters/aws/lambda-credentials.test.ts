import { afterEach, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import {
  credentialsTreatedAsExpired,
  credentialsWillNeedRefresh,
  defaultProvider,
} from '../../../functions/adapters/aws/lambda-credentials';
import { LAMBDA_BUILD_OPTIONS } from '../../bench/lambda-bundles/bundle';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the Lambda credentials provider (alias of @aws-sdk/credential-provider-node in bundles)', () => {
  it('answers with the role credentials Lambda puts in the environment', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDLAMBDA';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_SESSION_TOKEN = 'session';
    process.env.AWS_CREDENTIAL_EXPIRATION = '2030-01-01T00:00:00Z';
    const credentials = await defaultProvider()();
    expect(credentials).toMatchObject({
      accessKeyId: 'AKIDLAMBDA',
      secretAccessKey: 'secret',
      sessionToken: 'session',
      expiration: new Date('2030-01-01T00:00:00Z'),
    });
  });

  it('fails clearly, without trying other sources, when the environment has none', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(defaultProvider()()).rejects.toThrow(/environment/i);
  });

  it('judges expiry as the SDK chain does: five minutes early, never without an end', () => {
    const inMinutes = (m: number) => ({ expiration: new Date(Date.now() + m * 60_000) });
    expect(credentialsWillNeedRefresh({})).toBe(false);
    expect(credentialsWillNeedRefresh(inMinutes(60))).toBe(true);
    expect(credentialsTreatedAsExpired(inMinutes(4))).toBe(true);
    expect(credentialsTreatedAsExpired(inMinutes(6))).toBe(false);
    expect(credentialsTreatedAsExpired({})).toBe(false);
  });

  it('replaces the SDK default chain in a Lambda bundle, so no STS, SSO or profile code ships', async () => {
    const result = await build({
      ...LAMBDA_BUILD_OPTIONS,
      absWorkingDir: process.cwd(),
      stdin: {
        contents:
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; export const c = new DynamoDBClient({});",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      sourcemap: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.endsWith('functions/adapters/aws/lambda-credentials.ts'))).toBe(true);
    const chain = inputs.filter((p) =>
      /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients)\//.test(p),
    );
    expect(chain).toEqual([]);
  });
});
