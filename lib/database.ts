import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { Network } from './network';

/** The database Plume's schema lives in. */
export const DB_NAME = 'plume';
/**
 * The login role every Lambda connects as, with an IAM token (no password anywhere). The
 * deploy-time migration creates it (LOGIN, `rds_iam`, member of plume_app and plume_system)
 * because IAM authentication needs the role to exist in PostgreSQL first.
 */
export const DB_LOGIN_USER = 'plume_lambda';
/** The master user; only the migration uses it, with the RDS-managed (auto-rotated) password. */
export const DB_ADMIN_USER = 'plume_admin';

export interface DatabaseProps {
  network: Network;
  key: kms.IKey;
  minCapacity: number;
  maxCapacity: number;
  deletionProtection: boolean;
  backupRetentionDays: number;
  useRdsProxy: boolean;
}

/**
 * Aurora PostgreSQL Serverless v2 (16.x). Min capacity 0 lets it pause after 5 idle minutes
 * so an idle install pays for storage only; the first query after a pause waits ~15 s.
 */
export class Database extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly proxy?: rds.DatabaseProxy;
  /** Where application Lambdas connect: the proxy when there is one, else the writer. */
  readonly appHost: string;
  /** Where the migration connects (always the writer: DDL should not go through a proxy). */
  readonly adminHost: string;
  readonly port: number;
  /** JSON `{"username","password"}` of the master user, managed and rotated by RDS. */
  readonly adminSecret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    const { network } = props;

    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_11,
      }),
      writer: rds.ClusterInstance.serverlessV2('Writer', {
        enablePerformanceInsights: false,
        autoMinorVersionUpgrade: true,
        publiclyAccessible: false,
      }),
      serverlessV2MinCapacity: props.minCapacity,
      serverlessV2MaxCapacity: props.maxCapacity,
      vpc: network.vpc,
      vpcSubnets: network.dataSubnets,
      defaultDatabaseName: DB_NAME,
      credentials: rds.Credentials.fromUsername(DB_ADMIN_USER),
      // RDS keeps the master password in Secrets Manager and rotates it itself (weekly).
      manageMasterUserPassword: true,
      iamAuthentication: true,
      storageEncrypted: true,
      storageEncryptionKey: props.key,
      enablePerformanceInsights: false,
      deletionProtection: props.deletionProtection,
      backup: { retention: Duration.days(props.backupRetentionDays), preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'Sun:04:30-Sun:05:30',
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: logs.RetentionDays.ONE_MONTH,
    });
    if (!this.cluster.secret) throw new Error('Aurora did not expose its managed master secret');
    this.adminSecret = this.cluster.secret;
    this.port = this.cluster.clusterEndpoint.port;
    this.adminHost = this.cluster.clusterEndpoint.hostname;
    this.cluster.connections.allowDefaultPortFrom(network.lambdaSecurityGroup, 'Plume Lambdas');

    if (props.useRdsProxy) {
      const proxyRole = new iam.Role(this, 'ProxyRole', {
        assumedBy: new iam.ServicePrincipal('rds.amazonaws.com'),
        description: 'RDS Proxy connecting to Aurora with end-to-end IAM authentication',
      });
      this.proxy = new rds.DatabaseProxy(this, 'Proxy', {
        proxyTarget: rds.ProxyTarget.fromCluster(this.cluster),
        vpc: network.vpc,
        vpcSubnets: network.dataSubnets,
        // End-to-end IAM: no password secret for the app user, same as without a proxy.
        defaultAuthScheme: rds.DefaultAuthScheme.IAM_AUTH,
        iamAuth: true,
        requireTLS: true,
        role: proxyRole,
        // Lambdas keep one connection each and go idle quickly; free them sooner than 30 min.
        idleClientTimeout: Duration.minutes(5),
      });
      this.cluster.grantConnect(proxyRole, DB_LOGIN_USER);
      this.proxy.connections.allowFrom(network.lambdaSecurityGroup, ec2.Port.tcp(this.port), 'Plume Lambdas');
    }
    this.appHost = this.proxy?.endpoint ?? this.adminHost;

    NagSuppressions.addResourceSuppressions(
      this.cluster,
      [
        {
          id: 'AwsSolutions-RDS11',
          reason:
            'A non-default port adds no protection here: the cluster sits in isolated subnets behind a security group that admits only the Plume Lambdas.',
        },
        ...(props.deletionProtection
          ? []
          : [
              {
                id: 'AwsSolutions-RDS10',
                reason:
                  'The operator turned deletion protection off (-c deletionProtection=false), typically for a trial install that must be destroyable; it is on by default.',
              },
            ]),
      ],
      true,
    );
  }

  /** IAM permission to connect as the login role where the app connects (proxy or writer). */
  grantConnect(grantee: iam.IGrantable): iam.Grant {
    return this.proxy
      ? this.proxy.grantConnect(grantee, DB_LOGIN_USER)
      : this.cluster.grantConnect(grantee, DB_LOGIN_USER);
  }
}
