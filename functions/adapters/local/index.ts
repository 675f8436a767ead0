import { resolve } from 'node:path';
import type { Env } from '../../config/env';
import type { Billing, Clock, Crypto, Embedder, Ids, KeyValue, Llm, Logger, Secrets } from '../../core/ports';
import { BedrockEmbedder } from '../aws/bedrock-embedder';
import { AnthropicLlm } from '../aws/anthropic-llm';
import { BedrockLlm, createBedrockRuntimeClient } from '../aws/bedrock-llm';
import { StripeBilling } from '../aws/stripe-billing';
import { EnvSecrets } from './env-secrets';
import { FileMediaStore } from './file-media-store';
import { HashingEmbedder } from './hashing-embedder';
import { LocalBilling } from './local-billing';
import { LocalKeyCrypto } from './local-key-crypto';
import { deriveKey, loadOrCreateLocalKey } from './local-key';
import { createLogger } from './logger';
import { MemoryKeyValue } from './memory-key-value';
import { OfflineLlm } from './offline-llm';
import { OutboxMailer } from './outbox-mailer';
import { RandomIds } from './random-ids';
import { SystemClock } from './system-clock';

export { EnvSecrets } from './env-secrets';
export { FileMediaStore, LOCAL_DOWNLOAD_PREFIX, LOCAL_UPLOAD_PATH } from './file-media-store';
export { HashingEmbedder } from './hashing-embedder';
export { LocalBilling, LOCAL_CHECKOUT_PATH, type LocalCheckoutCompletion } from './local-billing';
export type { LocalHttpRequest, LocalHttpResponse } from './local-http';
export { LocalKeyCrypto } from './local-key-crypto';
export { createLogger } from './logger';
export { ManualClock } from './manual-clock';
export { MemoryKeyValue } from './memory-key-value';
export { OfflineLlm } from './offline-llm';
export { OutboxMailer, readOutbox, type OutboxMessage } from './outbox-mailer';
export { RandomIds } from './random-ids';
export { SystemClock } from './system-clock';

/** The local adapters; `media` and `billing` keep their concrete types for the local-only routes. */
export interface LocalAdapters {
  clock: Clock;
  ids: Ids;
  logger: Logger;
  kv: KeyValue;
  media: FileMediaStore;
  mailer: OutboxMailer;
  llm: Llm;
  embedder: Embedder;
  /** LocalBilling unless STRIPE_SECRET_KEY is set (then real Stripe in test mode, say). */
  billing: Billing;
  /** Present when `billing` is the local fake: completes its checkout links. */
  localBilling?: LocalBilling;
  secrets: Secrets;
  crypto: Crypto;
}

/**
 * Picks the local adapters once per process (`npm start`, tests). Everything that must
 * survive a restart lives under `dataDir`: the key file, secrets.json, media and the outbox.
 */
export async function createLocalAdapters(
  env: Env,
  options: { dataDir?: string; clock?: Clock; ids?: Ids; logger?: Logger } = {},
): Promise<LocalAdapters> {
  const dataDir = resolve(options.dataDir ?? env.PLUME_DATA_DIR);
  const clock = options.clock ?? new SystemClock();
  const ids = options.ids ?? new RandomIds();
  const logger = options.logger ?? createLogger('plume', env.LOG_LEVEL);
  const masterKey = await loadOrCreateLocalKey(dataDir);
  const secrets = new EnvSecrets(env, dataDir);
  const localBilling = env.STRIPE_SECRET_KEY
    ? undefined
    : new LocalBilling({
        publicUrl: env.PUBLIC_URL,
        secrets,
        clock,
        ids,
        tokenKey: deriveKey(masterKey, 'billing'),
      });
  return {
    clock,
    ids,
    logger,
    kv: new MemoryKeyValue(clock),
    media: new FileMediaStore({
      dataDir,
      publicUrl: env.PUBLIC_URL,
      signingKey: deriveKey(masterKey, 'media'),
      clock,
    }),
    mailer: new OutboxMailer({ dataDir, from: env.MAIL_FROM, clock, ids, logger }),
    llm: chooseLlm(env, secrets, clock),
    embedder: chooseEmbedder(env),
    billing: localBilling ?? new StripeBilling(secrets, clock),
    ...(localBilling ? { localBilling } : {}),
    secrets,
    crypto: new LocalKeyCrypto(deriveKey(masterKey, 'crypto')),
  };
}

function chooseLlm(env: Env, secrets: Secrets, clock: Clock): Llm {
  const provider = env.LLM_PROVIDER ?? (env.ANTHROPIC_API_KEY ? 'anthropic' : 'offline');
  const limits = { timeoutMs: env.LLM_TIMEOUT_MS };
  if (provider === 'anthropic') return new AnthropicLlm(secrets, env.LLM_MODEL, { limits });
  // Bedrock locally uses the developer's own AWS credentials, so only when asked for by name.
  if (provider === 'bedrock')
    return new BedrockLlm(createBedrockRuntimeClient(), env.BEDROCK_MODEL_ID, limits);
  return new OfflineLlm(clock);
}

/** Locally the offline hashing embedder, unless EMBEDDINGS_PROVIDER=bedrock asks for Titan by name. */
function chooseEmbedder(env: Env): Embedder {
  if (env.EMBEDDINGS_PROVIDER === 'bedrock')
    return new BedrockEmbedder(createBedrockRuntimeClient(), undefined, env.EMBEDDING_DIMENSIONS, {
      timeoutMs: env.LLM_TIMEOUT_MS,
    });
  return new HashingEmbedder();
}
