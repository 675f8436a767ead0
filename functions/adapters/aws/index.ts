import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Env } from '../../config/env';
import type { Clock, Crypto, Llm, PostScheduler, Realtime, Secrets } from '../../core/ports';
import { createDatabaseFromEnv } from '../../db/client';
import type { Container } from '../container';
import { createLogger } from '../local/logger';
import { OfflineLlm } from '../local/offline-llm';
import { RandomIds } from '../local/random-ids';
import { SystemClock } from '../local/system-clock';
import { AnthropicLlm } from './anthropic-llm';
import { ApiGatewayRealtime } from './api-gateway-realtime';
import { BedrockLlm } from './bedrock-llm';
import { DynamoKeyValue, createDocumentClient } from './dynamo-key-value';
import { EventBridgePostScheduler } from './eventbridge-post-scheduler';
import { KmsEnvelopeCrypto } from './kms-envelope-crypto';
import { S3MediaStore } from './s3-media-store';
import { SecretsManagerSecrets, secretSourcesFromEnv } from './secrets-manager-secrets';
import { SesMailer } from './ses-mailer';
import { SqsJobQueue, parseQueueUrls } from './sqs-job-queue';
import { StripeBilling } from './stripe-billing';
import { unavailableDatabase } from './unavailable-database';

export { AnthropicLlm } from './anthropic-llm';
export { ApiGatewayRealtime } from './api-gateway-realtime';
export { BedrockLlm } from './bedrock-llm';
export { DynamoKeyValue, createDocumentClient } from './dynamo-key-value';
export { EventBridgePostScheduler } from './eventbridge-post-scheduler';
export { KmsEnvelopeCrypto } from './kms-envelope-crypto';
export { S3MediaStore } from './s3-media-store';
export { SecretsManagerSecrets, secretSourcesFromEnv } from './secrets-manager-secrets';
export { SesMailer } from './ses-mailer';
export { SqsJobQueue, parseQueueUrls } from './sqs-job-queue';
export { StripeBilling } from './stripe-billing';

/**
 * The Lambda composition root: every port on its AWS service. Called once per execution
 * environment (see `getContainer`), so each SDK client below is created once per process
 * and reused by every invocation. A setting a function does not have makes only the port
 * that needs it fail, on use, with the variable named.
 */
export async function createAwsContainer(env: Env): Promise<Container> {
  const clock = new SystemClock();
  const logger = createLogger('plume', env.LOG_LEVEL);
  const db = env.DB_HOST || env.DATABASE_URL ? (await createDatabaseFromEnv(env)).db : unavailableDatabase();
  const secrets: Secrets = new SecretsManagerSecrets(
    new SecretsManagerClient({}),
    secretSourcesFromEnv(env),
    clock,
  );
  const kv = new DynamoKeyValue(createDocumentClient(new DynamoDBClient({})), env.TABLE_NAME, clock);
  return {
    env,
    clock,
    ids: new RandomIds(),
    logger,
    db,
    queue: new SqsJobQueue(new SQSClient({}), parseQueueUrls(env.QUEUE_URLS)),
    scheduler: createScheduler(env),
    realtime: createRealtime(env, kv, clock, logger),
    kv,
    media: new S3MediaStore(new S3Client({}), env.MEDIA_BUCKET, clock),
    mailer: new SesMailer(new SESv2Client({}), {
      from: env.MAIL_FROM,
      ...(env.SES_CONFIGURATION_SET ? { configurationSetName: env.SES_CONFIGURATION_SET } : {}),
    }),
    llm: createLlm(env, secrets),
    billing: new StripeBilling(secrets, clock),
    secrets,
    crypto: createCrypto(env, clock),
  };
}

function createScheduler(env: Env): PostScheduler {
  if (!env.PUBLISH_QUEUE_ARN || !env.SCHEDULER_ROLE_ARN) {
    return unavailable<PostScheduler>('PUBLISH_QUEUE_ARN and SCHEDULER_ROLE_ARN', ['schedule', 'cancel']);
  }
  return new EventBridgePostScheduler(new SchedulerClient({}), {
    groupName: env.SCHEDULE_GROUP,
    publishQueueArn: env.PUBLISH_QUEUE_ARN,
    roleArn: env.SCHEDULER_ROLE_ARN,
  });
}

function createRealtime(env: Env, kv: DynamoKeyValue, clock: Clock, logger: Container['logger']): Realtime {
  if (!env.WS_CALLBACK_URL) {
    return unavailable<Realtime>('WS_CALLBACK_URL', [
      'addConnection',
      'removeConnection',
      'sendToConnection',
      'broadcast',
    ]);
  }
  const client = new ApiGatewayManagementApiClient({ endpoint: env.WS_CALLBACK_URL });
  return new ApiGatewayRealtime(client, kv, clock, logger);
}

function createCrypto(env: Env, clock: Clock): Crypto {
  if (!env.KMS_KEY_ID) return unavailable<Crypto>('KMS_KEY_ID', ['encrypt', 'decrypt']);
  return new KmsEnvelopeCrypto(new KMSClient({}), env.KMS_KEY_ID, clock);
}

/** Explicit LLM_PROVIDER wins; else the Anthropic API when its key is deployed, else Bedrock. */
function createLlm(env: Env, secrets: Secrets): Llm {
  const provider = env.LLM_PROVIDER ?? (env.ANTHROPIC_SECRET_ARN ? 'anthropic' : 'bedrock');
  if (provider === 'anthropic') return new AnthropicLlm(secrets, env.LLM_MODEL);
  if (provider === 'bedrock') return new BedrockLlm(new BedrockRuntimeClient({}), env.BEDROCK_MODEL_ID);
  // A deployment may switch AI off: the offline provider works anywhere.
  return new OfflineLlm(new SystemClock());
}

/** A port whose settings this function lacks: constructing succeeds, every call says why not. */
function unavailable<T extends object>(variables: string, methods: (keyof T & string)[]): T {
  const port: Record<string, () => Promise<never>> = {};
  for (const method of methods) {
    port[method] = () =>
      Promise.reject(new Error(`${method}() is unavailable: ${variables} not set for this function`));
  }
  return port as unknown as T;
}
