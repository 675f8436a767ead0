import type { Env } from '../config/env';
import type {
  Billing,
  Clock,
  Crypto,
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
} from '../core/ports';
import type { Database } from '../db/client';

/**
 * Everything a handler may use, chosen once per process by the composition root: the AWS
 * adapters in Lambda (`./aws`), the local ones under `npm start` and in tests (`./local`
 * plus the local runtime's queue, scheduler and sockets).
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
  billing: Billing;
  secrets: Secrets;
  crypto: Crypto;
}

let current: Container | undefined;
let building: Promise<Container> | undefined;

/** The local runtime and tests install their container explicitly. */
export function setContainer(container: Container | undefined): void {
  current = container;
  building = undefined;
}

/**
 * Returns the process's container; in Lambda (PLUME_RUNTIME=aws) it is built on first use
 * and kept for the life of the execution environment.
 */
export async function getContainer(): Promise<Container> {
  if (current) return current;
  building ??= (async () => {
    const { loadEnv } = await import('../config/env');
    const env = loadEnv();
    if (env.PLUME_RUNTIME !== 'aws') {
      throw new Error('No container installed: the local runtime or the test must call setContainer()');
    }
    const { createAwsContainer } = await import('./aws');
    current = await createAwsContainer(env);
    return current;
  })();
  return building;
}
