import type { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { AppSecrets } from './app-secrets';
import type { Database } from './database';
import type { Capability } from './function-access';
import type { Mail } from './mail';
import type { MediaStorage } from './media-storage';
import type { Network } from './network';
import {
  PlumeFunction,
  type FunctionEnvName,
  type LlmSettings,
  type SharedFunctionSettings,
} from './plume-function';
import type { PublishScheduler } from './publish-scheduler';
import type { Queues } from './queues';
import type { RealtimeApi } from './realtime-api';

/** Everything an application function can be bound to, built once by the stack. */
export interface AppResources {
  shared: SharedFunctionSettings;
  network: Network;
  database: Database;
  table: dynamodb.ITable;
  queues: Queues;
  media: MediaStorage;
  /** The application envelope key (lib/encryption-key.ts), for the `crypto` capability only. */
  envelopeKey: kms.IKey;
  secrets: AppSecrets;
  mail: Mail;
  realtime: RealtimeApi;
  scheduler: PublishScheduler;
  llm: LlmSettings;
}

export interface AppFunctionProps {
  entry: string;
  service: string;
  description: string;
  capabilities: readonly Capability[];
  timeout?: Duration;
  memorySize?: number;
  environment?: Partial<Record<FunctionEnvName, string>>;
  /** Shell commands run after esbuild, e.g. to copy files the bundle reads at run time. */
  afterBundling?: (inputDir: string, outputDir: string) => string[];
  define?: Record<string, string>;
}

/**
 * A database-backed application function (HTTP area or worker): in the VPC, with the
 * baseline (Aurora, state table, JWT key) plus the listed capabilities.
 */
export function createAppFunction(
  scope: Construct,
  id: string,
  resources: AppResources,
  props: AppFunctionProps,
): PlumeFunction {
  const fn = new PlumeFunction(scope, id, {
    entry: props.entry,
    service: props.service,
    description: props.description,
    shared: resources.shared,
    network: resources.network,
    timeout: props.timeout,
    memorySize: props.memorySize,
    environment: props.environment,
    afterBundling: props.afterBundling,
    wiring: { database: true, capabilities: props.capabilities },
    define: props.define,
  });
  fn.useDatabase(resources.database)
    .useTable(resources.table)
    .useSecret('JWT_SECRET_ARN', resources.secrets.jwtSigningKey);
  grantCapabilities(fn, resources, props.capabilities);
  return fn;
}

export function grantCapabilities(
  fn: PlumeFunction,
  resources: AppResources,
  capabilities: readonly Capability[],
): void {
  for (const capability of new Set(capabilities)) {
    switch (capability) {
      case 'queues':
        fn.useQueues(resources.queues);
        break;
      case 'media':
        fn.useMedia(resources.media);
        break;
      case 'crypto':
        fn.useCrypto(resources.envelopeKey);
        break;
      case 'mail':
        fn.useMail(resources.mail);
        break;
      case 'realtime':
        fn.useRealtime(resources.realtime);
        break;
      case 'scheduler':
        fn.useScheduler(resources.scheduler);
        break;
      case 'llm':
        fn.useLlm(resources.llm, resources.secrets.anthropicApiKey);
        break;
      case 'stripe':
        fn.useSecret('STRIPE_SECRET_ARN', resources.secrets.stripe);
        break;
      case 'platform-apps':
        fn.useSecret('PLATFORM_APPS_SECRET_ARN', resources.secrets.platformApps);
        break;
    }
  }
}
