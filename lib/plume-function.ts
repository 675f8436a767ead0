import { Duration, RemovalPolicy, Stack, type CfnElement } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import { aliasArgs } from './lambda-bundling';
import type { Construct } from 'constructs';
import type { Env } from '../functions/config/env';
import { portDefines, type PortWiring } from './bundled-ports';
import type { PlumeStackConfig } from './stack-config';
import type { Database } from './database';
import { DB_LOGIN_USER, DB_NAME } from './database';
import { connectAttemptSeconds } from './database-wait';
import type { Mail } from './mail';
import type { MediaStorage } from './media-storage';
import type { Network } from './network';
import { fromRoot, REPO_ROOT } from './paths';
import type { PublishScheduler } from './publish-scheduler';
import type { PlumeQueue, Queues } from './queues';
import type { QueueSettings } from './queue-settings';
import type { RealtimeApi } from './realtime-api';

/** Environment variables a function may receive: everything env.ts validates, plus a few read directly. */
export type FunctionEnvName =
  | keyof Env
  | 'AGENT_QUEUE'
  | 'MIGRATIONS_FOLDER'
  | 'DB_ADMIN_SECRET_ARN'
  | 'NODE_OPTIONS'
  | 'NODE_EXTRA_CA_CERTS'
  | 'POWERTOOLS_SERVICE_NAME';

/** Node 20+ Lambda runtimes do not trust the RDS CA by default; this bundle ships in the runtime. */
const RDS_CA_BUNDLE = '/var/runtime/ca-cert.pem';

/**
 * What every Plume function shares, decided once by the stack. (PUBLIC_URL is set by the
 * stack afterwards: it comes from CloudFront, which is defined after the APIs and their functions.)
 */
export interface SharedFunctionSettings {
  corsOrigins: string[];
  version: string;
  logRetention: logs.RetentionDays;
}

/** The stack's language model choice (lib/stack-config.ts). */
export interface LlmSettings {
  provider: PlumeStackConfig['llmProvider'];
  anthropicModel: string;
  bedrockModel: string;
}

export interface PlumeFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/http/areas/posts.ts`. */
  entry: string;
  description: string;
  shared: SharedFunctionSettings;
  /** Short name for logs and traces (POWERTOOLS_SERVICE_NAME becomes `plume-<service>`). */
  service: string;
  timeout?: Duration;
  memorySize?: number;
  /** Attach to the VPC's app subnets (required to reach the database). */
  network?: Network;
  environment?: Partial<Record<FunctionEnvName, string>>;
  /** Shell commands run after esbuild, e.g. copying SQL files next to the bundle. */
  afterBundling?: (inputDir: string, outputDir: string) => string[];
  /**
   * The ports its container wires (lib/bundled-ports.ts); the others are left out of the
   * bundle. Omitted: every port is bundled (for entries that build no container).
   */
  wiring?: PortWiring;
  /** More esbuild defines (build-time constants the code tests), e.g. lib/password-checker.ts. */
  define?: Record<string, string>;
}

/** CommonJS dependencies bundled into ESM still call `require` (for Node built-ins); give them one. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __plumeCreateRequire } from 'module'; const require = __plumeCreateRequire(import.meta.url);";

/**
 * The one way Plume defines a Lambda: Node.js 22 on arm64, an ESM bundle built by local
 * esbuild (no Docker), minified with source maps, its own log group with retention, X-Ray
 * tracing and a dedicated role. `use*` methods bind a resource the Powertools way: each call
 * sets the environment variable the code reads AND grants exactly the IAM access it needs,
 * so configuration and permissions cannot drift apart.
 */
export class PlumeFunction extends nodejs.NodejsFunction {
  /** The bundled entry file, relative to the repository root (tests analyse what it reaches). */
  readonly entry: string;
  private readonly executionRole: iam.Role;
  private readonly attachedNetwork?: Network;

  constructor(scope: Construct, id: string, props: PlumeFunctionProps) {
    // A role without AWS managed policies: log writing is granted on this function's own log
    // group only; ENI/X-Ray actions (no resource-level permissions) come from one shared
    // policy, so the wildcard suppression cannot hide anything else.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Plume ${props.service} function`,
      managedPolicies: [PlumeFunction.platformPolicy(scope, props.network !== undefined)],
    });
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.shared.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: fromRoot(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: fromRoot('package-lock.json'),
      awsSdkConnectionReuse: false,
      ...(props.network
        ? {
            vpc: props.network.vpc,
            vpcSubnets: props.network.appSubnets,
            securityGroups: [props.network.lambdaSecurityGroup],
          }
        : {}),
      bundling: {
        forceDockerBundling: false,
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        define: { ...(props.wiring ? portDefines(props.wiring) : {}), ...props.define },
        sourceMap: true,
        sourcesContent: false,
        // The SDK is bundled so Lambda runs exactly the versions the tests ran. PGlite is the
        // local-only database (loaded lazily); it must never be pulled into a Lambda bundle.
        // drizzle's pglite driver is external too: bundled, its static import of PGlite would
        // be hoisted to the top of every bundle and fail at start (found by `npm run bench`).
        externalModules: ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'],
        esbuildArgs: aliasArgs(),
        logLevel: nodejs.LogLevel.WARNING,
        ...(props.afterBundling
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: props.afterBundling,
              },
            }
          : {}),
      },
    });
    this.entry = props.entry;
    this.executionRole = role;
    this.attachedNetwork = props.network;
    // Tracing is set on the resource directly: the `tracing` prop would add the X-Ray
    // wildcard to the default policy, next to the resource grants.
    (this.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };

    NagSuppressions.addResourceSuppressions(this, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 (LTS to April 2027) is pinned on purpose: the runtime is part of the tested contract (esbuild target node22) and moves with the project toolchain, not with each new Lambda release.',
      },
    ]);

    this.setEnv({
      PLUME_RUNTIME: 'aws',
      PLUME_VERSION: props.shared.version,
      CORS_ORIGINS: props.shared.corsOrigins.join(','),
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: `plume-${props.service}`,
      ...props.environment,
    });
  }

  /**
   * The stack-wide policy for what Lambda itself needs and IAM cannot scope: X-Ray segment
   * upload, plus ENI management for VPC functions. Attached to the role, so CloudFormation
   * creates it before any function that needs it (VPC functions fail to create without it).
   */
  private static platformPolicy(scope: Construct, inVpc: boolean): iam.ManagedPolicy {
    const stack = Stack.of(scope);
    const id = inVpc ? 'LambdaVpcPlatformPolicy' : 'LambdaPlatformPolicy';
    const existing = stack.node.tryFindChild(id);
    if (existing instanceof iam.ManagedPolicy) return existing;
    const policy = new iam.ManagedPolicy(stack, id, {
      description: inVpc
        ? 'Plume VPC Lambdas: X-Ray tracing and VPC network interfaces'
        : 'Plume Lambdas: X-Ray tracing',
      statements: [
        new iam.PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
        ...(inVpc
          ? [
              new iam.PolicyStatement({
                actions: [
                  'ec2:CreateNetworkInterface',
                  'ec2:DescribeNetworkInterfaces',
                  'ec2:DescribeSubnets',
                  'ec2:DeleteNetworkInterface',
                  'ec2:AssignPrivateIpAddresses',
                  'ec2:UnassignPrivateIpAddresses',
                ],
                resources: ['*'],
              }),
            ]
          : []),
      ],
    });
    NagSuppressions.addResourceSuppressions(policy, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'X-Ray segment upload and Lambda VPC ENI management actions do not support resource-level permissions (the same grants as the AWS managed execution policies).',
        appliesTo: ['Resource::*'],
      },
    ]);
    return policy;
  }

  /** Typed `addEnvironment`: only names Plume's code reads. */
  setEnv(values: Partial<Record<FunctionEnvName, string>>): this {
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) this.addEnvironment(name, value);
    }
    return this;
  }

  /** Aurora via IAM auth as the login role (DB_HOST/DB_PORT/DB_NAME/DB_USER, DB_IAM_AUTH=true). */
  useDatabase(database: Database): this {
    this.requireVpc('useDatabase');
    database.grantConnect(this);
    return this.setEnv({
      DB_CONNECT_TIMEOUT_SECONDS: String(this.connectAttemptSeconds()),
      DB_HOST: database.appHost,
      DB_PORT: String(database.port),
      DB_NAME,
      DB_USER: DB_LOGIN_USER,
      DB_IAM_AUTH: 'true',
      // Prepared statements pin a client to one connection behind RDS Proxy (no pooling then).
      DB_PREPARED_STATEMENTS: database.proxy ? 'false' : 'true',
      NODE_EXTRA_CA_CERTS: RDS_CA_BUNDLE,
    });
  }

  /**
   * The migration's access: the writer endpoint with the master user's RDS-managed secret
   * (DB_ADMIN_SECRET_ARN), which it needs to create the IAM login role the others use.
   */
  useDatabaseAdmin(database: Database): this {
    this.requireVpc('useDatabaseAdmin');
    database.adminSecret.grantRead(this);
    return this.setEnv({
      DB_CONNECT_TIMEOUT_SECONDS: String(this.connectAttemptSeconds()),
      DB_HOST: database.adminHost,
      DB_PORT: String(database.port),
      DB_NAME,
      DB_USER: DB_LOGIN_USER,
      DB_IAM_AUTH: 'false',
      DB_ADMIN_SECRET_ARN: database.adminSecret.secretArn,
      NODE_EXTRA_CA_CERTS: RDS_CA_BUNDLE,
    });
  }

  /** The KeyValue table (TABLE_NAME), read/write. */
  useTable(table: dynamodb.ITable): this {
    table.grantReadWriteData(this);
    this.suppressWildcards(
      'DynamoDB tables encrypted with a customer-managed key need kms:GenerateDataKey*/ReEncrypt* (CDK grantReadWriteData), scoped to the stack key.',
      ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    );
    return this.setEnv({ TABLE_NAME: table.tableName });
  }

  /** Send to every queue (QUEUE_URLS as JSON): any function may enqueue any job. */
  useQueues(queues: Queues): this {
    queues.grantSendToAll(this);
    return this.setEnv({ QUEUE_URLS: queues.urlsJson() });
  }

  /** Consume one queue with partial batch failures, tuned by its QUEUE_SETTINGS row. */
  consume(queue: PlumeQueue, settings: QueueSettings): this {
    this.addEventSource(
      new SqsEventSource(queue.queue, {
        batchSize: settings.batchSize,
        maxBatchingWindow:
          settings.maxBatchingWindow.toSeconds() > 0 ? settings.maxBatchingWindow : undefined,
        maxConcurrency: settings.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    return this;
  }

  /** Media bucket (MEDIA_BUCKET): objects read/write/delete and presigned URLs. */
  useMedia(media: MediaStorage): this {
    media.grantReadWrite(this);
    this.suppressWildcards(
      'Media keys are created at run time (<org>/<uuid>/<file>); access is limited to objects of this one bucket.',
      [`Resource::<${this.logicalIdOf(media.bucket.node.defaultChild as CfnElement)}.Arn>/*`],
    );
    return this.setEnv({ MEDIA_BUCKET: media.bucket.bucketName });
  }

  /** Envelope encryption of tokens and integration secrets (KMS_KEY_ID). */
  useCrypto(key: kms.IKey): this {
    key.grant(this, 'kms:GenerateDataKey', 'kms:Decrypt');
    return this.setEnv({ KMS_KEY_ID: key.keyArn });
  }

  /** One Secrets Manager secret, by ARN in the given variable; the value is read at run time. */
  useSecret(
    name:
      | 'JWT_SECRET_ARN'
      | 'ANTHROPIC_SECRET_ARN'
      | 'STRIPE_SECRET_ARN'
      | 'PLATFORM_APPS_SECRET_ARN'
      | 'ORIGIN_VERIFY_SECRET_ARN',
    secret: secretsmanager.ISecret,
  ): this {
    secret.grantRead(this);
    return this.setEnv({ [name]: secret.secretArn });
  }

  /** SES sending (MAIL_FROM, the verified sender, and SES_CONFIGURATION_SET). */
  useMail(mail: Mail): this {
    mail.grantSend(this);
    this.suppressWildcards(
      'In the SES sandbox SendEmail is authorised against every recipient identity as well as the sender, so identities cannot be enumerated in advance.',
      ['Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*'],
    );
    return this.setEnv({
      MAIL_FROM: mail.fromAddress,
      SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
    });
  }

  /** Push to WebSocket connections (WS_CALLBACK_URL + execute-api:ManageConnections on the stage). */
  useRealtime(realtime: RealtimeApi): this {
    realtime.stage.grantManagementApiAccess(this);
    this.suppressWildcards(
      'Connection ids are assigned by API Gateway at connect time; the grant covers @connections of this one API stage only.',
      [
        {
          regex:
            '/^Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<.+>\\/ws\\/\\*\\/@connections\\/\\*$/',
        },
      ],
    );
    return this.setEnv({ WS_CALLBACK_URL: realtime.stage.callbackUrl });
  }

  /** One-time publish schedules (SCHEDULE_GROUP, SCHEDULER_ROLE_ARN, PUBLISH_QUEUE_ARN). */
  useScheduler(scheduler: PublishScheduler): this {
    scheduler.grantManageSchedules(this);
    this.suppressWildcards(
      "Schedules are created at run time, one per post target (post-target-<uuid>); the grant is limited to this stack's schedule group.",
      [
        `Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${scheduler.groupName}/*`,
      ],
    );
    return this.setEnv({
      SCHEDULE_GROUP: scheduler.groupName,
      SCHEDULER_ROLE_ARN: scheduler.role.roleArn,
      PUBLISH_QUEUE_ARN: scheduler.publishQueue.queueArn,
    });
  }

  /**
   * The language model (LLM_PROVIDER, its model) and what it needs: the Anthropic key or Bedrock
   * access; and, unless offline, Titan Text Embeddings on Bedrock for agent memory.
   */
  useLlm(llm: LlmSettings, anthropicKey: secretsmanager.ISecret): this {
    const { provider } = llm;
    this.setEnv({
      LLM_PROVIDER: provider,
      LLM_MODEL: llm.anthropicModel,
      BEDROCK_MODEL_ID: llm.bedrockModel,
    });
    if (provider !== 'offline') {
      // Agent memory's embeddings: Titan Text Embeddings V2 in this region, whoever writes the text.
      const stack = Stack.of(this);
      this.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:InvokeModel'],
          resources: [
            `arn:${stack.partition}:bedrock:${stack.region}::foundation-model/amazon.titan-embed-text-v2:0`,
          ],
        }),
      );
    }
    if (provider === 'anthropic') return this.useSecret('ANTHROPIC_SECRET_ARN', anthropicKey);
    if (provider === 'bedrock') {
      const stack = Stack.of(this);
      this.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          resources: [
            // Cross-region inference profiles route to the model in several regions.
            `arn:${stack.partition}:bedrock:*::foundation-model/anthropic.claude-*`,
            stack.formatArn({
              service: 'bedrock',
              resource: 'inference-profile',
              resourceName: '*anthropic.claude-*',
            }),
          ],
        }),
      );
      this.suppressWildcards(
        'Claude models are addressed through cross-region inference profiles whose underlying model ARNs span regions and versions; limited to Anthropic Claude models.',
        [
          'Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/anthropic.claude-*',
          'Resource::arn:<AWS::Partition>:bedrock:<AWS::Region>:<AWS::AccountId>:inference-profile/*anthropic.claude-*',
        ],
      );
    }
    return this;
  }

  /** Each connection attempt's share of this function's timeout (a paused Aurora takes ~15 s to answer). */
  private connectAttemptSeconds(): number {
    return connectAttemptSeconds(this.timeout ?? Duration.seconds(3));
  }

  private requireVpc(method: string): void {
    if (!this.attachedNetwork)
      throw new Error(`${this.node.path}: ${method}() needs the function in the VPC (pass network)`);
  }

  private logicalIdOf(element: CfnElement): string {
    return Stack.of(this).resolve(element.logicalId) as string;
  }

  private suppressWildcards(reason: string, appliesTo: NonNullable<NagPackSuppression['appliesTo']>): void {
    NagSuppressions.addResourceSuppressions(
      this.executionRole,
      [{ id: 'AwsSolutions-IAM5', reason, appliesTo }],
      true,
    );
  }
}
