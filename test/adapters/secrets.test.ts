import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../functions/config/env';
import {
  SecretsManagerSecrets,
  secretSourcesFromEnv,
} from '../../functions/adapters/aws/secrets-manager-secrets';
import { EnvSecrets } from '../../functions/adapters/local/env-secrets';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { describeSecretsContract } from './contracts/secrets-contract';

const ARNS = {
  JWT_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:plume/jwt-AbCdEf',
  ANTHROPIC_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:plume/anthropic-GhIjKl',
  STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:plume/stripe-MnOpQr',
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plume-secrets-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
let dirCount = 0;
const newDir = (): string => join(root, String((dirCount += 1)));

function secretsManager(env: Record<string, string> = ARNS, clock = new ManualClock()) {
  const client = new SecretsManagerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  const values: Record<string, string> = {
    [ARNS.JWT_SECRET_ARN]: 'j'.repeat(64),
    [ARNS.ANTHROPIC_SECRET_ARN]: 'sk-ant-test',
    [ARNS.STRIPE_SECRET_ARN]: JSON.stringify({ secretKey: 'sk_test_123', webhookSecret: 'whsec_123' }),
  };
  mock.on(GetSecretValueCommand).callsFake((input: GetSecretValueCommand['input']) => {
    const value = values[input.SecretId ?? ''];
    if (!value) throw new ResourceNotFoundException({ message: 'not found', $metadata: {} });
    return { SecretString: value };
  });
  const secrets = new SecretsManagerSecrets(client, secretSourcesFromEnv(loadEnv(env)), clock);
  return { secrets, mock, values };
}

describeSecretsContract(
  'EnvSecrets',
  () =>
    new EnvSecrets(
      {
        ANTHROPIC_API_KEY: 'sk-ant-test',
        STRIPE_SECRET_KEY: 'sk_test_123',
        STRIPE_WEBHOOK_SECRET: 'whsec_123',
      },
      newDir(),
    ),
  () => new EnvSecrets({}, newDir()),
);
describeSecretsContract(
  'SecretsManagerSecrets',
  () => secretsManager().secrets,
  () => secretsManager({}).secrets,
);

describe('SecretsManagerSecrets and Secrets Manager', () => {
  it('reads each secret by the ARN from env, and both Stripe values from one JSON secret', async () => {
    const { secrets, mock } = secretsManager();
    await secrets.get('stripe-secret-key');
    await secrets.get('stripe-webhook-secret');
    await secrets.get('jwt-signing-key');
    expect(mock.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: ARNS.STRIPE_SECRET_ARN },
      { SecretId: ARNS.JWT_SECRET_ARN },
    ]);
  });

  it('caches per process for the TTL, then reads again (picking up a rotation)', async () => {
    const clock = new ManualClock();
    const { secrets, mock, values } = secretsManager(ARNS, clock);
    await Promise.all([secrets.get('jwt-signing-key'), secrets.get('jwt-signing-key')]);
    clock.advance(5 * 60_000 - 1);
    expect(await secrets.get('jwt-signing-key')).toBe('j'.repeat(64));
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    values[ARNS.JWT_SECRET_ARN] = 'rotated';
    clock.advance(1);
    expect(await secrets.get('jwt-signing-key')).toBe('rotated');
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('retries after a failed read instead of caching the failure', async () => {
    const { secrets, mock } = secretsManager();
    mock.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: 'ok' });
    await expect(secrets.get('anthropic-api-key')).rejects.toThrow('throttled');
    expect(await secrets.get('anthropic-api-key')).toBe('ok');
  });

  it('explains a secret the operator has not filled in yet', async () => {
    const { secrets, values } = secretsManager();
    values[ARNS.STRIPE_SECRET_ARN] = JSON.stringify({ secretKey: 'REPLACE_ME', webhookSecret: 'whsec_1' });
    await expect(secrets.get('stripe-secret-key')).rejects.toThrow(/still holds REPLACE_ME.*plume\/stripe/);
    expect(await secrets.get('stripe-webhook-secret')).toBe('whsec_1');
  });

  it('explains a Stripe secret that is not the expected JSON', async () => {
    const { secrets, values } = secretsManager();
    values[ARNS.STRIPE_SECRET_ARN] = 'sk_live_plain';
    await expect(secrets.get('stripe-webhook-secret')).rejects.toThrow(
      /JSON object with a "webhookSecret" field/,
    );
  });
});

describe('EnvSecrets', () => {
  it('generates the JWT key and local webhook secret once and keeps them in secrets.json (0600)', async () => {
    const dir = newDir();
    const first = new EnvSecrets({}, dir);
    const jwt = await first.get('jwt-signing-key');
    const webhook = await first.get('stripe-webhook-secret');
    expect(webhook).toMatch(/^whsec_local_/);
    const path = join(dir, 'secrets.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      'jwt-signing-key': jwt,
      'stripe-webhook-secret': webhook,
    });
    // A restart reads the same values back.
    const second = new EnvSecrets({}, dir);
    expect(await second.get('jwt-signing-key')).toBe(jwt);
    expect(await second.get('stripe-webhook-secret')).toBe(webhook);
  });

  it('prefers the environment, then the file', async () => {
    const dir = newDir();
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'secrets.json'),
      JSON.stringify({ 'anthropic-api-key': 'from-file', 'stripe-secret-key': 'sk_file' }),
    );
    const secrets = new EnvSecrets({ STRIPE_SECRET_KEY: 'sk_env' }, dir);
    expect(await secrets.get('anthropic-api-key')).toBe('from-file');
    expect(await secrets.get('stripe-secret-key')).toBe('sk_env');
  });

  it('gives concurrent first readers the same generated key', async () => {
    const secrets = new EnvSecrets({}, newDir());
    const keys = await Promise.all(Array.from({ length: 5 }, () => secrets.get('jwt-signing-key')));
    expect(new Set(keys).size).toBe(1);
  });
});
