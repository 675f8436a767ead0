import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AccessLogs } from './access-logs';
import { Alarms } from './alarms';
import { AppSecrets } from './app-secrets';
import type { AppResources } from './app-resources';
import { AreaFunctions } from './area-functions';
import { suppressCdkInternals } from './cdk-internals';
import { Dashboard } from './dashboard';
import { Database } from './database';
import { EncryptionKey } from './encryption-key';
import { HttpApi } from './http-api';
import { Mail, type MailProps } from './mail';
import { MediaStorage } from './media-storage';
import { Migration } from './migration';
import { Network } from './network';
import { fromRoot, packageVersion } from './paths';
import type { SharedFunctionSettings } from './plume-function';
import { PublishScheduler } from './publish-scheduler';
import { Queues } from './queues';
import { RealtimeApi } from './realtime-api';
import { RealtimeFunctions } from './realtime-functions';
import type { PlumeStackConfig } from './stack-config';
import { assertStackName } from './stack-name';
import { StateTable } from './state-table';
import { Workers } from './workers';

/** The verified sender the configuration names (parseStackConfig guarantees exactly one). */
function mailSender(config: PlumeStackConfig): MailProps {
  if (config.mailFromDomain !== undefined) return { fromDomain: config.mailFromDomain };
  if (config.mailFromAddress !== undefined) return { fromAddress: config.mailFromAddress };
  throw new Error('Set mailFromDomain or mailFromAddress: SES refuses mail from an unverified sender');
}

export interface PlumeStackProps extends StackProps {
  config: PlumeStackConfig;
}

/**
 * Plume in one stack: network, data (Aurora, DynamoDB, S3), queues and schedules, the HTTP
 * and WebSocket APIs with their Lambdas, the CloudFront-hosted dashboard, mail and alarms.
 */
export class PlumeStack extends Stack {
  readonly network: Network;
  readonly database: Database;
  readonly queues: Queues;
  readonly httpApi: HttpApi;
  readonly realtimeApi: RealtimeApi;
  readonly dashboard: Dashboard;
  readonly areaFunctions: AreaFunctions;
  readonly realtimeFunctions: RealtimeFunctions;
  readonly workers: Workers;
  readonly migration: Migration;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: PlumeStackProps) {
    super(scope, id, props);
    assertStackName(this.stackName);
    const { config } = props;
    const webAssetPath = isAbsolute(config.webAssetPath)
      ? config.webAssetPath
      : fromRoot(config.webAssetPath);
    if (!existsSync(join(webAssetPath, 'index.html'))) {
      throw new Error(
        `The dashboard is not built: ${join(webAssetPath, 'index.html')} is missing. Run \`npm run build:web\` (or pass -c webAssetPath=<dir>).`,
      );
    }
    Tags.of(this).add('application', 'plume');

    const version = packageVersion();
    const shared: SharedFunctionSettings = {
      corsOrigins: config.corsOrigins,
      version,
      logRetention: logs.RetentionDays.ONE_MONTH,
    };

    const accessLogs = new AccessLogs(this, 'AccessLogs');
    const { key, envelopeKey } = new EncryptionKey(this, 'EncryptionKey');
    const secrets = new AppSecrets(this, 'Secrets');
    this.network = new Network(this, 'Network', {
      natMode: config.natMode,
      interfaceEndpoints: config.interfaceEndpoints,
      logsBucket: accessLogs.bucket,
    });
    this.database = new Database(this, 'Database', {
      network: this.network,
      key,
      minCapacity: config.dbMinCapacity,
      maxCapacity: config.dbMaxCapacity,
      deletionProtection: config.deletionProtection,
      backupRetentionDays: config.backupRetentionDays,
      useRdsProxy: config.useRdsProxy,
    });
    const { table } = new StateTable(this, 'State', { key });
    this.queues = new Queues(this, 'Queues');
    const scheduler = new PublishScheduler(this, 'PublishScheduler', {
      publishQueue: this.queues.byName.publish.queue,
    });
    const media = new MediaStorage(this, 'Media', { key, accessLogsBucket: accessLogs.bucket });
    const mail = new Mail(this, 'Mail', mailSender(config));

    this.realtimeFunctions = new RealtimeFunctions(this, 'RealtimeFunctions', { shared, table });
    this.realtimeApi = new RealtimeApi(this, 'RealtimeApi', {
      authorizer: this.realtimeFunctions.authorizer,
      connect: this.realtimeFunctions.connect,
      disconnect: this.realtimeFunctions.disconnect,
      default: this.realtimeFunctions.default,
    });
    this.realtimeFunctions.bindApi(this.realtimeApi);

    const resources: AppResources = {
      shared,
      network: this.network,
      database: this.database,
      table,
      queues: this.queues,
      media,
      envelopeKey,
      secrets,
      mail,
      realtime: this.realtimeApi,
      scheduler,
      llm: {
        provider: config.llmProvider,
        anthropicModel: config.anthropicModel,
        bedrockModel: config.bedrockModel,
      },
    };
    this.areaFunctions = new AreaFunctions(this, 'Api', resources);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      handlers: this.areaFunctions.byArea,
      corsOrigins: config.corsOrigins,
      logRetention: shared.logRetention,
    });
    this.workers = new Workers(this, 'Workers', resources);

    this.migration = new Migration(this, 'Migration', {
      shared,
      network: this.network,
      database: this.database,
    });
    // New code must not run against an old schema: schema users wait for the migration.
    this.migration.runBefore(...this.areaFunctions.all, ...this.workers.all);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      httpApi: this.httpApi.api,
      webSocketApi: this.realtimeApi.api,
      accessLogsBucket: accessLogs.bucket,
      webAssetPath,
      version,
      originVerify: { secret: secrets.originVerify, generation: config.originVerifyGeneration },
      domainName: config.domainName,
      certificateArn: config.certificateArn,
    });
    // Links in mail and OAuth callbacks point at the dashboard, known only now.
    for (const fn of [...this.areaFunctions.all, ...this.workers.all, ...this.realtimeFunctions.all]) {
      fn.setEnv({ PUBLIC_URL: this.dashboard.publicUrl });
    }
    media.allowBrowserUploadsFrom([this.dashboard.publicUrl, ...config.corsOrigins]);

    this.alarms = new Alarms(this, 'Alarms', {
      key,
      alarmEmail: config.alarmEmail,
      deadLetterQueues: this.queues.all,
      httpApi: this.httpApi.api,
      publisher: this.workers.publisher,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      DashboardUrl: { value: this.dashboard.publicUrl, description: 'Open Plume here' },
      HttpApiUrl: { value: this.httpApi.url, description: "The HTTP API's own URL (routes start with /api)" },
      WebSocketUrl: { value: this.realtimeApi.url, description: "The WebSocket API's own URL" },
      AnthropicSecretArn: {
        value: secrets.anthropicApiKey.secretArn,
        description: 'Put your Anthropic API key here (plain string)',
      },
      StripeSecretArn: {
        value: secrets.stripe.secretArn,
        description: 'Put {"secretKey":"sk_...","webhookSecret":"whsec_..."} here',
      },
      PlatformAppsSecretArn: {
        value: secrets.platformApps.secretArn,
        description: 'Put your social network app credentials here (JSON; see the README)',
      },
      AlarmTopicArn: {
        value: this.alarms.topic.topicArn,
        description: 'Subscribe to be told when something fails',
      },
    };
    for (const [name, output] of Object.entries(outputs)) new CfnOutput(this, name, output);

    suppressCdkInternals(this);
  }
}
