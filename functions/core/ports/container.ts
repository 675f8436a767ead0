import type { Env } from '../../config/env';
import type {
  Billing,
  Clock,
  Crypto,
  Embedder,
  Ids,
  JobQueue,
  KeyValue,
  Llm,
  Logger,
  Mailer,
  MediaStore,
  PostScheduler,
  Realtime,
  Secrets,
} from './index';
import type { Database } from '../../db/client';

/**
 * Everything a handler or use-case may use, chosen once per process by the composition root
 * (functions/adapters/container.ts): the AWS adapters in Lambda, the local ones under
 * `npm start` and in tests. It sits beside the ports so core depends on no adapter.
 */
export interface Container {
  env: Env;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  db: Database;
  queue: JobQueue;
  scheduler: PostScheduler;
  realtime: Realtime;
  kv: KeyValue;
  media: MediaStore;
  mailer: Mailer;
  llm: Llm;
  /** Agent memory's embeddings (Titan on Bedrock in AWS, a local hashing embedder offline). */
  embedder: Embedder;
  billing: Billing;
  secrets: Secrets;
  crypto: Crypto;
}
