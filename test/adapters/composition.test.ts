import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../functions/config/env';
import { createAwsContainer } from '../../functions/adapters/aws';
import { AnthropicLlm } from '../../functions/adapters/aws/anthropic-llm';
import { ApiGatewayRealtime } from '../../functions/adapters/aws/api-gateway-realtime';
import { BedrockLlm } from '../../functions/adapters/aws/bedrock-llm';
import { DynamoKeyValue } from '../../functions/adapters/aws/dynamo-key-value';
import { EventBridgePostScheduler } from '../../functions/adapters/aws/eventbridge-post-scheduler';
import { KmsEnvelopeCrypto } from '../../functions/adapters/aws/kms-envelope-crypto';
import { loadedAdapter } from '../../functions/adapters/aws/lazy-port';
import { S3MediaStore } from '../../functions/adapters/aws/s3-media-store';
import { SecretsManagerSecrets } from '../../functions/adapters/aws/secrets-manager-secrets';
import { SesMailer } from '../../functions/adapters/aws/ses-mailer';
import { SqsJobQueue } from '../../functions/adapters/aws/sqs-job-queue';
import { StripeBilling } from '../../functions/adapters/aws/stripe-billing';
import { BedrockEmbedder } from '../../functions/adapters/aws/bedrock-embedder';
import {
  createLocalAdapters,
  HashingEmbedder,
  LocalBilling,
  ManualClock,
  OfflineLlm,
} from '../../functions/adapters/local';
import { captureLogger } from '../support/logger';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plume-local-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createLocalAdapters', () => {
  it('creates the key file 0600 and keeps encrypted data readable after a restart', async () => {
    const dataDir = join(root, 'restart');
    const env = loadEnv({});
    const first = await createLocalAdapters(env, { dataDir, logger: captureLogger() });
    const sealed = await first.crypto.encrypt('token', { organizationId: 'o' });
    const jwtKey = await first.secrets.get('jwt-signing-key');
    expect((await stat(join(dataDir, 'local.key'))).mode & 0o777).toBe(0o600);

    const second = await createLocalAdapters(env, { dataDir, logger: captureLogger() });
    expect(await second.crypto.decrypt(sealed, { organizationId: 'o' })).toBe('token');
    expect(await second.secrets.get('jwt-signing-key')).toBe(jwtKey);
  });

  it('is offline with a local billing fake unless keys are set', async () => {
    const clock = new ManualClock();
    const offline = await createLocalAdapters(loadEnv({}), {
      dataDir: join(root, 'a'),
      clock,
      logger: captureLogger(),
    });
    expect(offline.llm).toBeInstanceOf(OfflineLlm);
    expect(offline.billing).toBeInstanceOf(LocalBilling);
    expect(offline.localBilling).toBe(offline.billing);
    expect(offline.clock).toBe(clock);

    const keyed = await createLocalAdapters(
      loadEnv({ ANTHROPIC_API_KEY: 'sk-ant-x', STRIPE_SECRET_KEY: 'sk_test_x' }),
      {
        dataDir: join(root, 'b'),
        logger: captureLogger(),
      },
    );
    expect(keyed.llm).toBeInstanceOf(AnthropicLlm);
    expect(keyed.billing).toBeInstanceOf(StripeBilling);
    expect(keyed.localBilling).toBeUndefined();

    const forcedOffline = await createLocalAdapters(
      loadEnv({ ANTHROPIC_API_KEY: 'sk-ant-x', LLM_PROVIDER: 'offline' }),
      {
        dataDir: join(root, 'c'),
        logger: captureLogger(),
      },
    );
    expect(forcedOffline.llm).toBeInstanceOf(OfflineLlm);
    // Memory's embeddings: the offline hashing embedder, even with an Anthropic key; Titan only by name.
    expect(keyed.embedder).toBeInstanceOf(HashingEmbedder);
    const titan = await createLocalAdapters(
      loadEnv({ EMBEDDINGS_PROVIDER: 'bedrock', EMBEDDING_DIMENSIONS: '256' }),
      { dataDir: join(root, 'd'), logger: captureLogger() },
    );
    expect(titan.embedder).toBeInstanceOf(BedrockEmbedder);
    expect(titan.embedder).toMatchObject({ model: 'amazon.titan-embed-text-v2:0', dimensions: 256 });
  });

  it('signs media links and checkout links with keys that survive a restart', async () => {
    const dataDir = join(root, 'links');
    const first = await createLocalAdapters(loadEnv({}), { dataDir, logger: captureLogger() });
    const url = await first.media.getDownloadUrl('org/a.png', 600);
    const second = await createLocalAdapters(loadEnv({}), { dataDir, logger: captureLogger() });
    expect(second.media.verifyLocalDownload(url)).toBe('org/a.png');
  });
});

describe('createAwsContainer', () => {
  const base = {
    PLUME_RUNTIME: 'aws',
    AWS_REGION: 'us-east-1',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    QUEUE_URLS: JSON.stringify({ publish: 'https://sqs.us-east-1.amazonaws.com/1/publish' }),
  };

  it('wires every port to its AWS adapter', async () => {
    const container = await createAwsContainer(
      loadEnv({
        ...base,
        PUBLISH_QUEUE_ARN: 'arn:aws:sqs:us-east-1:1:publish',
        SCHEDULER_ROLE_ARN: 'arn:aws:iam::1:role/s',
        WS_CALLBACK_URL: 'https://abc.execute-api.us-east-1.amazonaws.com/prod',
        KMS_KEY_ID: 'alias/plume',
        ANTHROPIC_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:a',
      }),
    );
    expect(container.queue).toBeInstanceOf(SqsJobQueue);
    expect(container.scheduler).toBeInstanceOf(EventBridgePostScheduler);
    expect(container.realtime).toBeInstanceOf(ApiGatewayRealtime);
    expect(container.kv).toBeInstanceOf(DynamoKeyValue);
    expect(await loadedAdapter(container.media)).toBeInstanceOf(S3MediaStore);
    expect(await loadedAdapter(container.mailer)).toBeInstanceOf(SesMailer);
    expect(container.secrets).toBeInstanceOf(SecretsManagerSecrets);
    expect(await loadedAdapter(container.crypto)).toBeInstanceOf(KmsEnvelopeCrypto);
    expect(await loadedAdapter(container.billing)).toBeInstanceOf(StripeBilling);
    expect(await loadedAdapter(container.llm)).toBeInstanceOf(AnthropicLlm);
  });

  it('uses Bedrock without an Anthropic key, and names the missing setting when a port cannot work', async () => {
    const container = await createAwsContainer(loadEnv(base));
    expect(await loadedAdapter(container.llm)).toBeInstanceOf(BedrockLlm);
    await expect(container.scheduler.cancel('x')).rejects.toThrow(/PUBLISH_QUEUE_ARN and SCHEDULER_ROLE_ARN/);
    await expect(container.realtime.broadcast('o', { type: 't', data: null })).rejects.toThrow(
      /WS_CALLBACK_URL/,
    );
    await expect(container.crypto.encrypt('x', {})).rejects.toThrow(/KMS_KEY_ID/);
  });
});
