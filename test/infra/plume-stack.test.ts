import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT_QUEUES, QUEUE_NAMES } from '../../functions/core/ports/job-queue';
import { AREAS, ROUTES, routeKey } from '../../functions/shared/route-table';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/request-origin';
import { ORIGIN_GENERATION_HEADER, dashboardCsp } from '../../lib/dashboard';
import { DB_LOGIN_USER } from '../../lib/database';
import { AURORA_RESUME, DB_CONNECT_ATTEMPTS, HTTP_INTEGRATION_TIMEOUT } from '../../lib/database-wait';
import { AREA_ACCESS } from '../../lib/function-access';
import { PlumeFunction } from '../../lib/plume-function';
import { QUEUE_SETTINGS } from '../../lib/queue-settings';
import { synthesize, type Synthesized } from './synth';
import {
  actionsOf,
  findDependencyCycle,
  logicalIdOf,
  referencesIn,
  resourcesOf,
  statementsOfRole,
  type CfnResource,
} from './template';

// CloudFront's managed policies (fixed ids documented by AWS).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let synth: Synthesized;
let resources: Record<string, CfnResource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const props = (id: string): Record<string, unknown> => {
  const resource = resources[id];
  if (!resource) throw new Error(`No resource ${id}`);
  return resource.Properties ?? {};
};
const envOf = (fn: PlumeFunction): Record<string, unknown> =>
  (props(logicalIdOf(fn)).Environment as { Variables: Record<string, unknown> }).Variables;
const statementsOf = (fn: PlumeFunction) => statementsOfRole(resources, logicalIdOf(fn.role!));
const grantsAction = (fn: PlumeFunction, action: string) =>
  statementsOf(fn).some((s) => actionsOf(s).includes(action));

beforeAll(() => {
  synth = synthesize();
  resources = resourcesOf(synth.template);
});

describe('HTTP API', () => {
  it('has exactly one route per route-table entry, each integrated with its area Lambda', () => {
    const httpApiId = logicalIdOf(synth.stack.httpApi.api);
    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) =>
      referencesIn(r.Properties?.ApiId).has(httpApiId),
    );
    expect(routes).toHaveLength(ROUTES.length);
    const integrationTarget = new Map<string, Set<string>>();
    for (const [id, integration] of ofType('AWS::ApiGatewayV2::Integration')) {
      integrationTarget.set(id, referencesIn(integration.Properties?.IntegrationUri));
    }
    for (const route of ROUTES) {
      const found = routes.filter(([, r]) => r.Properties?.RouteKey === routeKey(route));
      expect(found, routeKey(route)).toHaveLength(1);
      const [integrationId] = [...referencesIn(found[0]![1].Properties?.Target)];
      expect([...integrationTarget.get(integrationId!)!], routeKey(route)).toEqual([
        logicalIdOf(synth.stack.areaFunctions.byArea[route.area]),
      ]);
    }
  });

  it('uses payload 2.0, one integration and one invoke permission per area', () => {
    const integrations = ofType('AWS::ApiGatewayV2::Integration').filter(
      ([, i]) =>
        i.Properties?.ApiId && referencesIn(i.Properties.ApiId).has(logicalIdOf(synth.stack.httpApi.api)),
    );
    expect(integrations).toHaveLength(AREAS.length);
    for (const [, integration] of integrations) {
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
    }
    for (const area of AREAS) {
      const fnId = logicalIdOf(synth.stack.areaFunctions.byArea[area]);
      const permissions = ofType('AWS::Lambda::Permission').filter(([, p]) =>
        referencesIn(p.Properties?.FunctionName).has(fnId),
      );
      expect(permissions, area).toHaveLength(1);
      expect(permissions[0]![1].Properties?.Principal).toBe('apigateway.amazonaws.com');
    }
  });

  it('logs every request and throttles the $default stage; no CORS unless origins are configured', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context.requestId'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
    expect(props(logicalIdOf(synth.stack.httpApi.api)).CorsConfiguration).toBeUndefined();
  });
});

describe('WebSocket API', () => {
  it('authorizes $connect with the ticket query parameter and routes the three handlers', () => {
    const fns = synth.stack.realtimeFunctions;
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.ticket'],
    });
    const authorizer = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    expect(referencesIn(authorizer[1].Properties?.AuthorizerUri).has(logicalIdOf(fns.authorizer))).toBe(true);

    const wsRoutes = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) =>
      String(r.Properties?.RouteKey).startsWith('$'),
    );
    const byKey = Object.fromEntries(
      wsRoutes.map(([, r]) => [r.Properties?.RouteKey as string, r.Properties]),
    );
    expect(Object.keys(byKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
    expect(byKey.$connect).toMatchObject({ AuthorizationType: 'CUSTOM' });
    expect(byKey.$default?.AuthorizationType ?? 'NONE').toBe('NONE');
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'ws', AutoDeploy: true });
  });

  it('gives the callback URL and ManageConnections to functions that push, and to them only', () => {
    const pushers = [
      synth.stack.workers.publisher,
      synth.stack.realtimeFunctions.default,
      synth.stack.areaFunctions.byArea.posts,
    ];
    for (const fn of pushers) {
      expect(envOf(fn).WS_CALLBACK_URL, fn.node.path).toBeDefined();
      expect(grantsAction(fn, 'execute-api:ManageConnections'), fn.node.path).toBe(true);
    }
    const quiet = [synth.stack.areaFunctions.byArea.system, synth.stack.realtimeFunctions.authorizer];
    for (const fn of quiet) {
      expect(envOf(fn).WS_CALLBACK_URL, fn.node.path).toBeUndefined();
      expect(grantsAction(fn, 'execute-api:ManageConnections'), fn.node.path).toBe(false);
    }
  });
});

describe('queues', () => {
  it('has publish, jobs and one queue per agent, each with its own DLQ', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(QUEUE_NAMES.length * 2);
    for (const { name, queue, deadLetterQueue } of synth.stack.queues.all) {
      const main = props(logicalIdOf(queue));
      expect(main.QueueName).toBe(`Plume-${name}`);
      expect(main.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(deadLetterQueue), 'Arn'] },
        maxReceiveCount: QUEUE_SETTINGS[name].maxReceiveCount,
      });
      expect(props(logicalIdOf(deadLetterQueue)).MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
    expect(QUEUE_NAMES).toEqual(['publish', 'jobs', ...AGENT_QUEUES]);
  });

  it('encrypts every queue and refuses non-TLS access to each', () => {
    for (const [id, queue] of ofType('AWS::SQS::Queue')) {
      expect(queue.Properties?.SqsManagedSseEnabled, id).toBe(true);
      const policies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) =>
        referencesIn(p.Properties?.Queues).has(id),
      );
      expect(policies, id).toHaveLength(1);
      const statements = (
        policies[0]![1].Properties?.PolicyDocument as { Statement: Array<Record<string, unknown>> }
      ).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sqs:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('keeps visibility >= 6x the consumer timeout and reports partial batch failures', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(QUEUE_NAMES.length);
    for (const [id, mapping] of mappings) {
      const p = mapping.Properties!;
      expect(p.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
      const [queueId] = [...referencesIn(p.EventSourceArn)];
      const [fnId] = [...referencesIn(p.FunctionName)];
      const visibility = props(queueId!).VisibilityTimeout as number;
      const timeout = props(fnId!).Timeout as number;
      expect(visibility, id).toBeGreaterThanOrEqual(6 * timeout);
      expect((p.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency).toBeGreaterThanOrEqual(
        2,
      );
    }
  });

  it('deploys one agent function per agent queue, told which agent it is', () => {
    for (const name of AGENT_QUEUES) {
      const fn = synth.stack.workers.agents[name];
      expect(envOf(fn).AGENT_QUEUE).toBe(name);
      const mapping = ofType('AWS::Lambda::EventSourceMapping').find(([, m]) =>
        referencesIn(m.Properties?.FunctionName).has(logicalIdOf(fn)),
      );
      expect([...referencesIn(mapping![1].Properties?.EventSourceArn)]).toEqual([
        logicalIdOf(synth.stack.queues.byName[name].queue),
      ]);
    }
  });
});

describe('EventBridge Scheduler', () => {
  it('has a schedule group and a role only Scheduler (of this account) can assume, to send to the publish queue', () => {
    synth.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Plume-posts' });
    const [roleId, role] = ofType('AWS::IAM::Role').find(([, r]) =>
      JSON.stringify(r.Properties?.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    )!;
    expect((role.Properties?.AssumeRolePolicyDocument as { Statement: unknown[] }).Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    const statements = statementsOfRole(resources, roleId);
    const publishQueue = logicalIdOf(synth.stack.queues.byName.publish.queue);
    expect(statements.flatMap(actionsOf)).toContain('sqs:SendMessage');
    for (const statement of statements) expect([...referencesIn(statement.Resource)]).toEqual([publishQueue]);
  });

  it('lets only the publishing functions manage schedules in the group and pass that role', () => {
    const scheduling = [synth.stack.areaFunctions.byArea.posts, synth.stack.workers.publisher];
    for (const fn of scheduling) {
      const manage = statementsOf(fn).find((s) => actionsOf(s).includes('scheduler:CreateSchedule'))!;
      expect(actionsOf(manage).sort()).toEqual(
        ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule'].sort(),
      );
      expect(JSON.stringify(manage.Resource)).toContain(':schedule/Plume-posts/*');
      const pass = statementsOf(fn).find((s) => actionsOf(s).includes('iam:PassRole'))!;
      expect(pass.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
      expect(envOf(fn)).toMatchObject({ SCHEDULE_GROUP: 'Plume-posts' });
    }
    for (const area of AREAS.filter((a) => !AREA_ACCESS[a].includes('scheduler'))) {
      const fn = synth.stack.areaFunctions.byArea[area];
      expect(grantsAction(fn, 'scheduler:CreateSchedule'), area).toBe(false);
      expect(grantsAction(fn, 'iam:PassRole'), area).toBe(false);
    }
  });
});

describe('database', () => {
  it('is Aurora PostgreSQL 16 Serverless v2 that can pause, encrypted with the stack key, with IAM auth', () => {
    const cluster = props(logicalIdOf(synth.stack.database.cluster));
    expect(cluster).toMatchObject({
      Engine: 'aurora-postgresql',
      EngineVersion: expect.stringMatching(/^16\./),
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 4 },
      StorageEncrypted: true,
      EnableIAMDatabaseAuthentication: true,
      ManageMasterUserPassword: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      DatabaseName: 'plume',
    });
    expect(referencesIn(cluster.KmsKeyId).size).toBe(1);
    synth.template.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceClass: 'db.serverless',
      EnablePerformanceInsights: false,
      PubliclyAccessible: false,
    });
    synth.template.resourceCountIs('AWS::RDS::DBProxy', 0);
    expect(envOf(synth.stack.workers.publisher).DB_PREPARED_STATEMENTS).toBe('true');
  });

  it('admits only the Lambda security group, on the PostgreSQL port', () => {
    const ingress = ofType('AWS::EC2::SecurityGroupIngress').filter(([, i]) =>
      referencesIn(i.Properties?.GroupId).has(
        logicalIdOf(synth.stack.database.cluster.connections.securityGroups[0]!),
      ),
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0]![1].Properties).toMatchObject({ IpProtocol: 'tcp' });
    expect([...referencesIn(ingress[0]![1].Properties?.SourceSecurityGroupId)]).toEqual([
      logicalIdOf(synth.stack.network.lambdaSecurityGroup),
    ]);
  });

  it('gives every schema user IAM connect as the login role, and keeps WebSocket handlers out of the VPC', () => {
    for (const fn of [...synth.stack.areaFunctions.all, ...synth.stack.workers.all]) {
      expect(envOf(fn), fn.node.path).toMatchObject({
        DB_USER: DB_LOGIN_USER,
        DB_IAM_AUTH: 'true',
        DB_NAME: 'plume',
        NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
      });
      const connect = statementsOf(fn).find((s) => actionsOf(s).includes('rds-db:connect'));
      expect(JSON.stringify(connect?.Resource), fn.node.path).toContain(`/${DB_LOGIN_USER}`);
      expect(props(logicalIdOf(fn)).VpcConfig, fn.node.path).toBeDefined();
    }
    for (const fn of synth.stack.realtimeFunctions.all) {
      expect(envOf(fn).DB_HOST, fn.node.path).toBeUndefined();
      expect(props(logicalIdOf(fn)).VpcConfig, fn.node.path).toBeUndefined();
      expect(envOf(fn).TABLE_NAME, fn.node.path).toBeDefined();
    }
  });

  it('lets every connection wait out a paused Aurora resuming, within the function timeout', () => {
    const attemptOf = (fn: PlumeFunction) => Number(envOf(fn).DB_CONNECT_TIMEOUT_SECONDS);
    const timeoutOf = (fn: PlumeFunction) => props(logicalIdOf(fn)).Timeout as number;
    const users = [
      ...synth.stack.areaFunctions.all,
      ...synth.stack.workers.all,
      synth.stack.migration.handler,
    ];
    for (const fn of users) {
      const attempt = attemptOf(fn);
      // Both attempts (the first, and the retry) plus time for the work fit in the timeout...
      expect(DB_CONNECT_ATTEMPTS * attempt + 5, fn.node.path).toBeLessThanOrEqual(timeoutOf(fn));
      // ...and outlast a typical resume.
      expect(DB_CONNECT_ATTEMPTS * attempt, fn.node.path).toBeGreaterThanOrEqual(
        AURORA_RESUME.typical.toSeconds(),
      );
    }
    // HTTP functions answer before API Gateway's 30 s integration timeout does.
    for (const fn of synth.stack.areaFunctions.all) {
      expect(timeoutOf(fn), fn.node.path).toBeLessThan(HTTP_INTEGRATION_TIMEOUT.toSeconds());
    }
    // Workers and the migration (a redeploy while paused) wait out a day asleep in one attempt.
    for (const fn of [...synth.stack.workers.all, synth.stack.migration.handler]) {
      expect(attemptOf(fn), fn.node.path).toBeGreaterThanOrEqual(AURORA_RESUME.afterADayAsleep.toSeconds());
    }
  });

  it('migrates at deploy time, with the admin secret, before any schema user is updated', () => {
    const migrate = synth.stack.migration.handler;
    expect(envOf(migrate)).toMatchObject({
      MIGRATIONS_FOLDER: '/var/task/migrations',
      DB_IAM_AUTH: 'false',
      DB_USER: DB_LOGIN_USER,
      DB_ADMIN_SECRET_ARN: {
        'Fn::GetAtt': [logicalIdOf(synth.stack.database.cluster), 'MasterUserSecret.SecretArn'],
      },
    });
    const [triggerId, trigger] = ofType('Custom::Trigger')[0]!;
    expect(trigger.Properties).toMatchObject({
      InvocationType: 'RequestResponse',
      ExecuteOnHandlerChange: true,
    });
    expect([trigger.DependsOn].flat()).toEqual(
      expect.arrayContaining([logicalIdOf(synth.stack.database.cluster)]),
    );
    for (const fn of [...synth.stack.areaFunctions.all, ...synth.stack.workers.all]) {
      expect([resources[logicalIdOf(fn)]!.DependsOn].flat(), fn.node.path).toContain(triggerId);
    }
  });
});

describe('Lambda functions', () => {
  const plumeFunctions = () =>
    synth.stack.node.findAll().filter((c): c is PlumeFunction => c instanceof PlumeFunction);

  it('are all Node.js 22 on arm64 with tracing, source maps and their own log group', () => {
    const fns = plumeFunctions();
    expect(fns).toHaveLength(AREAS.length + 4 + (2 + AGENT_QUEUES.length + 1) + 1);
    for (const fn of fns) {
      const p = props(logicalIdOf(fn));
      expect(p, fn.node.path).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
      expect(envOf(fn)).toMatchObject({ PLUME_RUNTIME: 'aws', NODE_OPTIONS: '--enable-source-maps' });
      const [logGroupId] = [...referencesIn((p.LoggingConfig as { LogGroup: unknown }).LogGroup)];
      expect(props(logGroupId!).RetentionInDays).toBe(30);
    }
  });

  it('know the public dashboard URL (links in mail, OAuth callbacks)', () => {
    const distributionId = logicalIdOf(synth.stack.dashboard.distribution);
    for (const fn of plumeFunctions().filter((f) => f !== synth.stack.migration.handler)) {
      expect([...referencesIn(envOf(fn).PUBLIC_URL)], fn.node.path).toEqual([distributionId]);
    }
  });

  it('that send mail do it from the verified sender, never a default', () => {
    const senders = plumeFunctions().filter((fn) => envOf(fn).SES_CONFIGURATION_SET);
    expect(senders.length).toBeGreaterThan(0);
    for (const fn of senders) expect(envOf(fn).MAIL_FROM, fn.node.path).toBe('Plume <no-reply@example.com>');
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
  });

  it('run with roles that carry no AWS managed policy', () => {
    for (const fn of plumeFunctions()) {
      const role = props(logicalIdOf(fn.role!));
      for (const arn of (role.ManagedPolicyArns as unknown[] | undefined) ?? []) {
        expect(JSON.stringify(arn), fn.node.path).not.toContain('iam::aws:policy');
      }
    }
  });

  it('bind environment and grants together (no variable without its permission)', () => {
    for (const fn of plumeFunctions()) {
      const env = envOf(fn);
      const granted = (action: string) => grantsAction(fn, action);
      if (env.QUEUE_URLS) expect(granted('sqs:SendMessage'), fn.node.path).toBe(true);
      if (env.MEDIA_BUCKET) expect(granted('s3:PutObject'), fn.node.path).toBe(true);
      if (env.KMS_KEY_ID) expect(granted('kms:GenerateDataKey'), fn.node.path).toBe(true);
      if (env.SES_CONFIGURATION_SET) expect(granted('ses:SendEmail'), fn.node.path).toBe(true);
      if (env.TABLE_NAME) expect(granted('dynamodb:PutItem'), fn.node.path).toBe(true);
      if (env.STRIPE_SECRET_ARN) expect(granted('secretsmanager:GetSecretValue'), fn.node.path).toBe(true);
      if (!env.QUEUE_URLS) expect(granted('sqs:SendMessage'), fn.node.path).toBe(false);
      if (!env.MEDIA_BUCKET) expect(granted('s3:PutObject'), fn.node.path).toBe(false);
    }
  });
});

describe('encryption keys', () => {
  const keyIds = () => ofType('AWS::KMS::Key').map(([id]) => id);
  const envelopeKeyId = () => {
    const [id] = [...referencesIn(envOf(synth.stack.workers.publisher).KMS_KEY_ID)];
    return id!;
  };

  it('are two rotating, retained keys: storage, and the application envelope key', () => {
    expect(keyIds()).toHaveLength(2);
    for (const [id, key] of ofType('AWS::KMS::Key')) {
      expect(key.Properties?.EnableKeyRotation, id).toBe(true);
      expect(key.DeletionPolicy, id).toBe('Retain');
    }
    const storage = keyIds().find((id) => id !== envelopeKeyId())!;
    // Storage at rest never uses the envelope key, and the envelope key nothing else.
    for (const [type, property] of [
      ['AWS::DynamoDB::Table', 'SSESpecification'],
      ['AWS::S3::Bucket', 'BucketEncryption'],
      ['AWS::RDS::DBCluster', 'KmsKeyId'],
      ['AWS::SNS::Topic', 'KmsMasterKeyId'],
    ] as const) {
      for (const [id, resource] of ofType(type)) {
        const refs = referencesIn(resource.Properties?.[property]);
        expect(refs.has(envelopeKeyId()), id).toBe(false);
        if (type !== 'AWS::S3::Bucket' || refs.size > 0)
          expect(refs.has(storage), `${id} ${property}`).toBe(true);
      }
    }
  });

  it('let only the functions granted `crypto` use the envelope key, for data keys only', () => {
    const envelope = envelopeKeyId();
    const withCrypto = synth.stack.node
      .findAll()
      .filter((c): c is PlumeFunction => c instanceof PlumeFunction)
      .filter((fn) => envOf(fn).KMS_KEY_ID !== undefined);
    expect(withCrypto.map((fn) => fn.node.id).sort()).toEqual(
      // analytics: adding an Instagram competitor reads it through a connected account's token.
      ['Background', 'Publish', 'analytics', 'social-accounts'].sort(),
    );
    const allowedRoles = new Set(withCrypto.map((fn) => logicalIdOf(fn.role!)));
    // Every IAM statement anywhere that names the envelope key.
    const grants = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement.filter(
        (statement) => referencesIn(statement.Resource).has(envelope),
      ).map((statement) => ({ roles: [...referencesIn(policy.Properties?.Roles)], statement })),
    );
    expect(grants.length).toBeGreaterThan(0);
    const granted = new Set(grants.flatMap((g) => g.roles));
    expect([...granted].sort()).toEqual([...allowedRoles].sort());
    for (const { statement } of grants) {
      expect(actionsOf(statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    }
    // Its key policy names no service or role: IAM decides, and only those roles are granted.
    const policy = props(envelope).KeyPolicy as { Statement: Array<{ Principal: unknown }> };
    expect(policy.Statement.map((s) => JSON.stringify(s.Principal))).toEqual([
      expect.stringContaining(':root'),
    ]);
  });
});

describe('state table', () => {
  it('is on-demand with pk/sk, TTL on expiresAt, point-in-time recovery and KMS encryption', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });
});

describe('buckets', () => {
  it('block all public access, refuse non-TLS requests and are encrypted', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets).toHaveLength(3);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption, id).toBeDefined();
      const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) =>
        referencesIn(p.Properties?.Bucket).has(id),
      );
      expect(JSON.stringify(policy?.[1].Properties?.PolicyDocument), id).toContain(
        '"aws:SecureTransport":"false"',
      );
    }
  });

  it('lets the dashboard upload media directly and cleans up stale uploads and exports', () => {
    const media = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Media'),
    )![1];
    const p = media.Properties!;
    expect(JSON.stringify(p.BucketEncryption)).toContain('aws:kms');
    const cors = (p.CorsConfiguration as { CorsRules: Array<Record<string, unknown>> }).CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0]!.AllowedMethods).toContain('POST');
    expect(JSON.stringify(cors[0]!.AllowedOrigins)).toContain(
      logicalIdOf(synth.stack.dashboard.distribution),
    );
    const rules = (p.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 7 }),
      ]),
    );
  });
});

describe('dashboard distribution', () => {
  const distribution = () =>
    props(logicalIdOf(synth.stack.dashboard.distribution)).DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Array<Record<string, unknown>>;
      Origins: Array<Record<string, unknown>>;
      CustomErrorResponses?: unknown;
    };
  const originDomain = (originId: unknown) =>
    distribution().Origins.find((o) => o.Id === originId)?.DomainName;

  it('routes /api/* to the HTTP API, uncached, with viewer headers and all methods', () => {
    const api = distribution().CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
    });
    expect(api.FunctionAssociations).toBeUndefined();
    expect([...referencesIn(originDomain(api.TargetOriginId))]).toEqual([
      logicalIdOf(synth.stack.httpApi.api),
    ]);
  });

  it('adds the origin-verify secret (read at deploy time) to API requests only, and functions check it', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    const apiOrigin = config.Origins.find((o) => o.Id === api.TargetOriginId)!;
    const headers = (apiOrigin.OriginCustomHeaders ?? []) as Array<{
      HeaderName: string;
      HeaderValue: unknown;
    }>;
    const verify = headers.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER)!;
    const secretId = logicalIdOf(synth.stack.node.findChild('Secrets').node.findChild('OriginVerify'));
    // A dynamic reference to the secret's `current` field: the value itself is never in the template.
    expect(verify.HeaderValue).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:current::}}']],
    });
    expect(headers.find((h) => h.HeaderName === ORIGIN_GENERATION_HEADER)?.HeaderValue).toBe('1');
    for (const origin of config.Origins.filter((o) => o !== apiOrigin)) {
      expect(JSON.stringify(origin)).not.toContain(ORIGIN_VERIFY_HEADER);
    }
    expect(props(secretId).GenerateSecretString).toMatchObject({
      GenerateStringKey: 'current',
      ExcludePunctuation: true,
    });
    // Every HTTP function can read it; nothing trusts the viewer header without it any more.
    for (const fn of synth.stack.areaFunctions.all) {
      expect([...referencesIn(envOf(fn).ORIGIN_VERIFY_SECRET_ARN)], fn.node.path).toEqual([secretId]);
      const read = statementsOf(fn).filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue'));
      expect(
        read.some((st) => referencesIn(st.Resource).has(secretId)),
        fn.node.path,
      ).toBe(true);
    }
    for (const fn of [...synth.stack.workers.all, ...synth.stack.realtimeFunctions.all]) {
      expect(envOf(fn).ORIGIN_VERIFY_SECRET_ARN, fn.node.path).toBeUndefined();
    }
    expect(JSON.stringify(resources)).not.toContain('TRUST_VIEWER_ADDRESS');
  });

  it('routes /ws to the WebSocket API stage', () => {
    const ws = distribution().CacheBehaviors.find((b) => b.PathPattern === '/ws')!;
    expect(ws).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    });
    expect(ws.FunctionAssociations).toBeUndefined();
    expect([...referencesIn(originDomain(ws.TargetOriginId))]).toEqual([
      logicalIdOf(synth.stack.realtimeApi.api),
    ]);
  });

  it('serves the bucket by default through OAC, with the SPA fallback there only and no error pages', () => {
    const config = distribution();
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: CACHING_OPTIMIZED,
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: { 'Fn::GetAtt': [logicalIdOf(synth.stack.dashboard.spaFallback), 'FunctionARN'] },
        },
      ],
    });
    expect(config.CustomErrorResponses).toBeUndefined();
    const s3Origin = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId)!;
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect([...referencesIn(s3Origin.DomainName)]).toEqual([logicalIdOf(synth.stack.dashboard.bucket)]);
  });

  it('sends security headers on the dashboard', () => {
    synth.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: dashboardCsp(), Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 730 * 24 * 3600 }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
  });

  it('deploys the build plus a runtime config.json naming the API, the WebSocket URL and the region', () => {
    const deployments = ofType('Custom::CDKBucketDeployment');
    const shell = deployments.find(([, d]) =>
      (d.Properties?.Include as string[] | undefined)?.includes('config.json'),
    );
    expect(shell).toBeDefined();
    const shellProps = shell![1].Properties!;
    expect(shellProps.DistributionPaths).toEqual(['/index.html', '/config.json']);
    const configKey = (shellProps.SourceObjectKeys as string[])[1]!;
    const configPath = join(synth.outdir, `asset.${configKey.replace(/\.zip$/, '')}`, 'config.json');
    expect(existsSync(configPath)).toBe(true);
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, string>;
    expect(config).toEqual({
      apiUrl: '/api',
      wsUrl: 'wss://<<marker:0xbaba:0>>/ws',
      region: '<<marker:0xbaba:1>>',
      version: expect.any(String),
    });
    // The markers are filled at deploy time with the distribution's domain and the region.
    expect((shellProps.SourceMarkers as Array<Record<string, unknown>>)[1]).toEqual({
      '<<marker:0xbaba:0>>': {
        'Fn::GetAtt': [logicalIdOf(synth.stack.dashboard.distribution), 'DomainName'],
      },
      '<<marker:0xbaba:1>>': { Ref: 'AWS::Region' },
    });
  });
});

describe('alarms', () => {
  it('watch every dead-letter queue, API 5xx and publisher errors, notifying the encrypted topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const topicId = logicalIdOf(synth.stack.alarms.topic);
    for (const { name, deadLetterQueue } of synth.stack.queues.all) {
      const alarm = alarms.find(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          referencesIn(a.Dimensions).has(logicalIdOf(deadLetterQueue)),
      );
      expect(alarm, name).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      expect([...referencesIn(alarm!.AlarmActions)]).toEqual([topicId]);
    }
    expect(alarms.find((a) => a.MetricName === '5xx')).toMatchObject({ Namespace: 'AWS/ApiGateway' });
    const publisherErrors = alarms.find((a) => a.MetricName === 'Errors');
    expect(referencesIn(publisherErrors?.Dimensions).has(logicalIdOf(synth.stack.workers.publisher))).toBe(
      true,
    );
    expect(props(topicId).KmsMasterKeyId).toBeDefined();
    synth.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('what the stack leaves behind and asks of the account', () => {
  it('keeps exactly what the README says `cdk destroy` leaves (data, its keys, logs, a final snapshot)', () => {
    const kept = Object.entries(resources)
      .filter(([, r]) => ['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(String(r.DeletionPolicy)))
      .map(([id, r]) => {
        const name = id.startsWith('CustomCDKBucketDeployment')
          ? 'CustomCDKBucketDeploymentLogGroup'
          : id.replace(/[0-9A-F]{8}$/, '');
        return `${r.Type} ${r.DeletionPolicy} ${name}`;
      })
      .sort();
    expect(kept).toEqual(
      [
        'AWS::S3::Bucket Retain AccessLogsBucket',
        'AWS::S3::Bucket Retain DashboardBucket',
        'AWS::S3::Bucket Retain MediaBucket',
        'AWS::DynamoDB::Table Retain StateTable',
        'AWS::KMS::Key Retain EncryptionKey',
        'AWS::KMS::Key Retain EncryptionKeyEnvelopeKey',
        'AWS::RDS::DBCluster Snapshot DatabaseCluster',
        // CDK's own: the log group of the dashboard upload's custom resource.
        'AWS::Logs::LogGroup Retain CustomCDKBucketDeploymentLogGroup',
      ].sort(),
    );
    // The Aurora log group is created by a LogRetention custom resource, which leaves it too.
    expect(ofType('Custom::LogRetention')).toHaveLength(1);
  });

  it('reserves no Lambda concurrency, so it deploys in a new account whose quota may be 10', () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties?.ReservedConcurrentExecutions, id).toBeUndefined();
    }
    // Queue consumers are capped instead (SQS maximum concurrency, at least 2 each); the README gives the sum.
    const caps = ofType('AWS::Lambda::EventSourceMapping').map(
      ([, m]) => (m.Properties?.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency,
    );
    expect(caps.reduce((a, b) => a + b, 0)).toBe(50);
  });
});

describe('template', () => {
  it('has no dependency cycle', () => {
    expect(findDependencyCycle(resources)).toBeUndefined();
  });

  it('stays well under the CloudFormation limit of 500 resources', () => {
    expect(Object.keys(resources).length).toBeLessThan(450);
  });
});
