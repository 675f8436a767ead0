import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Env } from '../../config/env';
import type {
  Billing,
  Clock,
  Crypto,
  Embedder,
  JobQueue,
  Llm,
  Mailer,
  MediaStore,
  PostScheduler,
  Realtime,
  Secrets,
} from '../../core/ports';
import type { Container } from '../container';
import { createLogger } from '../local/logger';
import { HashingEmbedder } from '../local/hashing-embedder';
import { OfflineLlm } from '../local/offline-llm';
import { RandomIds } from '../local/random-ids';
import { SystemClock } from '../local/system-clock';
import { ApiGatewayRealtime } from './api-gateway-realtime';
import { DynamoKeyValue, createDocumentClient } from './dynamo-key-value';
import { EventBridgePostScheduler } from './eventbridge-post-scheduler';
import { lazyPort } from './lazy-port';
import { SecretsManagerSecrets, secretSourcesFromEnv } from './secrets-manager-secrets';
import { SqsJobQueue, parseQueueUrls } from './sqs-job-queue';
import { unavailableDatabase } from './unavailable-database';

// No re-exports: container.ts imports this module dynamically, so every export stays in the
// bundle; an adapter re-exported here would be bundled even where its port is switched off.
// Import adapters from their own files.

/**
 * The Lambda composition root: every port on its AWS service. Called once per execution
 * environment (see `getContainer`), so each SDK client below is created once per process
 * and reused by every invocation. A setting a function does not have makes only the port
 * that needs it fail, on use, with the variable named.
 *
 * The ports that most invocations never call (LLM, billing, mail, media, KMS) are
 * `lazyPort`s: their adapter module (with the Anthropic SDK, Stripe, the S3 presigners...)
 * is evaluated, and their client created, on the first call, which takes ~25 ms off every
 * function's first getContainer() (measured with the bench's Lambda env). Their SDK client
 * classes are still imported statically on purpose: `import('@aws-sdk/client-…')` would
 * defeat tree shaking (~100 KB more bundle to parse at every import, +10 ms). The scheduler
 * and WebSocket push stay eager (deferring them saved ~1 ms), as do the database, queues,
 * table and secrets, which nearly every invocation uses.
 *
 * A port this function is not deployed to use is not even bundled: lib/plume-function.ts
 * defines `process.env.PLUME_WIRE_<PORT>` as "off" at build time for every capability the
 * function lacks (lib/bundled-ports.ts), esbuild folds the test below to a constant and drops
 * the adapter with its SDK (the Anthropic SDK, Stripe and the S3 client were ~1 MB of every
 * bundle). Unbundled (tests, tsx) the variables are unset and every port is wired. Each test
 * is written out literally, as the condition of an `if` that holds the port's code: esbuild
 * skips the imports of a branch it folds to false, but not those after an early return or
 * in the dead side of a `?:` (checked with esbuild 0.25).
 */
export async function createAwsContainer(env: Env): Promise<Container> {
  const clock = new SystemClock();
  const logger = createLogger('plume', env.LOG_LEVEL);
  const db = await createDb(env, logger);
  const secrets: Secrets = new SecretsManagerSecrets(
    new SecretsManagerClient({}),
    secretSourcesFromEnv(env),
    clock,
  );
  const kv = new DynamoKeyValue(createDocumentClient(new DynamoDBClient({})), env.TABLE_NAME, clock);
  const queue = createQueue(env);
  return {
    env,
    clock,
    ids: new RandomIds(),
    logger,
    db,
    queue,
    scheduler: createScheduler(env),
    realtime: createRealtime(env, { kv, clock, logger, queue }),
    kv,
    media: createMedia(env, clock),
    mailer: createMailer(env),
    llm: createLlm(env, secrets),
    embedder: createEmbedder(env),
    billing: createBilling(secrets, clock),
    secrets,
    crypto: createCrypto(env, clock),
  };
}

/** The database (postgres.js and drizzle), imported here only so functions outside the VPC leave it out. */
async function createDb(env: Env, logger: Container['logger']): Promise<Container['db']> {
  if (process.env.PLUME_WIRE_DATABASE !== 'off' && (env.DB_HOST || env.DATABASE_URL)) {
    const { createDatabase, databaseOptionsFromEnv } = await import('../../db/client');
    const { db } = await createDatabase({
      ...databaseOptionsFromEnv(env),
      // A paused Aurora resuming is the usual cause: worth a line, not an alarm.
      onConnectRetry: (error, attempt) =>
        logger.warn('Database connection failed, trying again', {
          attempt,
          code: (error as { code?: unknown }).code,
        }),
    });
    return db;
  }
  return unavailableDatabase();
}

function createQueue(env: Env): JobQueue {
  if (process.env.PLUME_WIRE_QUEUES !== 'off') {
    return new SqsJobQueue(new SQSClient({}), parseQueueUrls(env.QUEUE_URLS));
  }
  return unavailable<JobQueue>('QUEUE_URLS', ['send', 'sendBatch']);
}

function createScheduler(env: Env): PostScheduler {
  if (process.env.PLUME_WIRE_SCHEDULER !== 'off' && env.PUBLISH_QUEUE_ARN && env.SCHEDULER_ROLE_ARN) {
    return new EventBridgePostScheduler(new SchedulerClient({}), {
      groupName: env.SCHEDULE_GROUP,
      publishQueueArn: env.PUBLISH_QUEUE_ARN,
      roleArn: env.SCHEDULER_ROLE_ARN,
    });
  }
  return unavailable<PostScheduler>('PUBLISH_QUEUE_ARN and SCHEDULER_ROLE_ARN', ['schedule', 'cancel']);
}

/**
 * A function that may send to the jobs queue hands large broadcasts to the background worker
 * there (ApiGatewayRealtime's `fanOut`); the others (the WebSocket handlers) send themselves.
 */
function createRealtime(
  env: Env,
  parts: { kv: DynamoKeyValue; clock: Clock; logger: Container['logger']; queue: JobQueue },
): Realtime {
  if (process.env.PLUME_WIRE_REALTIME !== 'off' && env.WS_CALLBACK_URL) {
    const client = new ApiGatewayManagementApiClient({ endpoint: env.WS_CALLBACK_URL });
    const fanOut =
      process.env.PLUME_WIRE_QUEUES !== 'off' && env.QUEUE_URLS && parseQueueUrls(env.QUEUE_URLS).jobs
        ? { queue: parts.queue }
        : undefined;
    return new ApiGatewayRealtime(client, parts.kv, parts.clock, parts.logger, fanOut);
  }
  return unavailable<Realtime>('WS_CALLBACK_URL', [
    'addConnection',
    'removeConnection',
    'sendToConnection',
    'broadcast',
    'deliverBroadcast',
  ]);
}

const MEDIA_METHODS = [
  'createUpload',
  'getDownloadUrl',
  'put',
  'putStream',
  'get',
  'getRange',
  'head',
  'delete',
] as const;

function createMedia(env: Env, clock: Clock): MediaStore {
  if (process.env.PLUME_WIRE_MEDIA !== 'off') {
    return lazyPort(async (): Promise<MediaStore> => {
      const { S3MediaStore } = await import('./s3-media-store');
      return new S3MediaStore(new S3Client({}), env.MEDIA_BUCKET, clock);
    }, MEDIA_METHODS);
  }
  return unavailable<MediaStore>('MEDIA_BUCKET', [...MEDIA_METHODS]);
}

function createMailer(env: Env): Mailer {
  if (process.env.PLUME_WIRE_MAIL !== 'off') {
    return lazyPort(async (): Promise<Mailer> => {
      const { SesMailer } = await import('./ses-mailer');
      return new SesMailer(new SESv2Client({}), {
        from: env.MAIL_FROM,
        ...(env.SES_CONFIGURATION_SET ? { configurationSetName: env.SES_CONFIGURATION_SET } : {}),
      });
    }, ['send']);
  }
  return unavailable<Mailer>('MAIL_FROM', ['send']);
}

const BILLING_METHODS = ['createCheckoutSession', 'createPortalSession', 'verifyWebhook'] as const;

function createBilling(secrets: Secrets, clock: Clock): Billing {
  if (process.env.PLUME_WIRE_STRIPE !== 'off') {
    return lazyPort(async (): Promise<Billing> => {
      const { StripeBilling } = await import('./stripe-billing');
      return new StripeBilling(secrets, clock);
    }, BILLING_METHODS);
  }
  return unavailable<Billing>('STRIPE_SECRET_ARN', [...BILLING_METHODS]);
}

function createCrypto(env: Env, clock: Clock): Crypto {
  const keyId = env.KMS_KEY_ID;
  if (process.env.PLUME_WIRE_CRYPTO !== 'off' && keyId) {
    return lazyPort(async (): Promise<Crypto> => {
      const { KmsEnvelopeCrypto } = await import('./kms-envelope-crypto');
      return new KmsEnvelopeCrypto(new KMSClient({}), keyId, clock);
    }, ['encrypt', 'decrypt']);
  }
  return unavailable<Crypto>('KMS_KEY_ID', ['encrypt', 'decrypt']);
}

/** Explicit LLM_PROVIDER wins; else the Anthropic API when its key is deployed, else Bedrock. */
function createLlm(env: Env, secrets: Secrets): Llm {
  const provider = env.LLM_PROVIDER ?? (env.ANTHROPIC_SECRET_ARN ? 'anthropic' : 'bedrock');
  if (process.env.PLUME_WIRE_LLM !== 'off') return createWiredLlm(env, secrets, provider);
  return { ...unavailable<Llm>('LLM_PROVIDER', ['complete']), provider };
}

function createWiredLlm(env: Env, secrets: Secrets, provider: Llm['provider']): Llm {
  if (provider === 'anthropic') {
    return lazyPort(
      async (): Promise<Llm> => {
        const { AnthropicLlm } = await import('./anthropic-llm');
        return new AnthropicLlm(secrets, env.LLM_MODEL, { limits: { timeoutMs: env.LLM_TIMEOUT_MS } });
      },
      ['complete'],
      { provider },
    );
  }
  if (provider === 'bedrock') {
    return lazyPort(
      async (): Promise<Llm> => {
        const { BedrockLlm, createBedrockRuntimeClient } = await import('./bedrock-llm');
        return new BedrockLlm(createBedrockRuntimeClient(), env.BEDROCK_MODEL_ID, {
          timeoutMs: env.LLM_TIMEOUT_MS,
        });
      },
      ['complete'],
      { provider },
    );
  }
  // A deployment may switch AI off: the offline provider works anywhere.
  return new OfflineLlm(new SystemClock());
}

/**
 * Titan Text Embeddings on Bedrock (IAM only, whoever writes the text) unless the model is
 * switched off (LLM_PROVIDER=offline) or EMBEDDINGS_PROVIDER says `local`. It rides on the
 * `llm` capability: the functions that call the model are the ones that keep memory.
 */
function createEmbedder(env: Env): Embedder {
  const provider = env.EMBEDDINGS_PROVIDER ?? (env.LLM_PROVIDER === 'offline' ? 'local' : 'bedrock');
  if (process.env.PLUME_WIRE_LLM !== 'off' && provider === 'bedrock') {
    const dimensions = env.EMBEDDING_DIMENSIONS;
    return lazyPort(
      async (): Promise<Embedder> => {
        const { BedrockEmbedder, TITAN_EMBED_V2 } = await import('./bedrock-embedder');
        const { createBedrockRuntimeClient } = await import('./bedrock-llm');
        return new BedrockEmbedder(createBedrockRuntimeClient(), TITAN_EMBED_V2, dimensions, {
          timeoutMs: env.LLM_TIMEOUT_MS,
        });
      },
      ['embed'],
      { provider, model: 'amazon.titan-embed-text-v2:0', dimensions },
    );
  }
  if (process.env.PLUME_WIRE_LLM !== 'off') return new HashingEmbedder();
  return {
    ...unavailable<Embedder>('LLM_PROVIDER', ['embed']),
    provider: 'local',
    model: 'none',
    dimensions: 0,
  };
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
