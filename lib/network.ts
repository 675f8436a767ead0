import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { configureNatInstance, natInstanceUserData } from './nat-instance';
import type { PlumeStackConfig } from './stack-config';

/** Fixed so rules can name it literally (a token would hide it from cdk-nag's checks). */
export const VPC_CIDR = '10.0.0.0/16';

export interface NetworkProps {
  natMode: PlumeStackConfig['natMode'];
  interfaceEndpoints: boolean;
  /** Where VPC flow logs are delivered (under `vpc-flow-logs/`). */
  logsBucket: s3.IBucket;
}

/**
 * The VPC: two AZs, public subnets only when there is NAT, "app" subnets for Lambda ENIs
 * and isolated "data" subnets for Aurora. Egress is a single NAT instance by default
 * because a NAT gateway costs ten times more while Plume is idle.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  /** Subnets the VPC-attached Lambdas run in. */
  readonly appSubnets: ec2.SubnetSelection;
  /** Subnets for the database (never routed to the internet). */
  readonly dataSubnets: ec2.SubnetSelection;
  /** Shared by every VPC Lambda, so the database admits one group instead of one per function. */
  readonly lambdaSecurityGroup: ec2.SecurityGroup;
  /** False when natMode is `none`: nothing in the VPC can reach the internet. */
  readonly hasInternetEgress: boolean;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.hasInternetEgress = props.natMode !== 'none';

    const natUserData = natInstanceUserData();
    const natInstance =
      props.natMode === 'instance'
        ? ec2.NatProvider.instanceV2({
            instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
            defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY,
            associatePublicIpAddress: true,
            // Unlimited burst on a runaway instance would bill silently; standard credits cap it.
            creditSpecification: ec2.CpuCredits.STANDARD,
            // CDK's default boot script installs without retrying (see nat-instance.ts).
            userData: natUserData,
          })
        : undefined;

    const appSubnetType = this.hasInternetEgress
      ? ec2.SubnetType.PRIVATE_WITH_EGRESS
      : ec2.SubnetType.PRIVATE_ISOLATED;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR),
      maxAzs: 2,
      natGateways: props.natMode === 'none' ? 0 : props.natMode === 'gateway-per-az' ? 2 : 1,
      natGatewayProvider: natInstance ?? (this.hasInternetEgress ? ec2.NatProvider.gateway() : undefined),
      subnetConfiguration: [
        ...(this.hasInternetEgress
          ? [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }]
          : []),
        { name: 'app', subnetType: appSubnetType, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: {
        // Free, and keep S3 and DynamoDB traffic off the NAT.
        s3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        dynamodb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });
    this.appSubnets = { subnetGroupName: 'app' };
    this.dataSubnets = { subnetGroupName: 'data' };

    this.vpc.addFlowLog('FlowLogs', {
      destination: ec2.FlowLogDestination.toS3(props.logsBucket, 'vpc-flow-logs/'),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    if (natInstance) {
      const [instance, ...others] = natInstance.gatewayInstances;
      // One user data object is shared by the provider's instances; its signal names one of them.
      if (!instance || others.length > 0)
        throw new Error('natMode=instance expects exactly one NAT instance');
      configureNatInstance(instance, natUserData);
      // The NAT instance forwards for the VPC only; its group admits nothing from outside.
      natInstance.connections.allowFrom(
        ec2.Peer.ipv4(VPC_CIDR),
        ec2.Port.allTraffic(),
        'NAT for VPC-internal traffic',
      );
      this.hardenNatInstances();
    }

    this.lambdaSecurityGroup = new ec2.SecurityGroup(this, 'LambdaSecurityGroup', {
      vpc: this.vpc,
      description: 'Plume Lambda functions attached to the VPC (outbound only)',
      allowAllOutbound: true,
    });

    if (props.interfaceEndpoints || !this.hasInternetEgress) this.addInterfaceEndpoints();
  }

  /** Private endpoints for the AWS APIs the VPC Lambdas call, so they work without NAT. */
  private addInterfaceEndpoints(): void {
    const services: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
      Sqs: ec2.InterfaceVpcEndpointAwsService.SQS,
      Scheduler: new ec2.InterfaceVpcEndpointAwsService('scheduler'),
      Email: ec2.InterfaceVpcEndpointAwsService.EMAIL,
      BedrockRuntime: ec2.InterfaceVpcEndpointAwsService.BEDROCK_RUNTIME,
    };
    // execute-api is deliberately absent: its private DNS would hijack the public WebSocket
    // management endpoint (@connections), which a VPC endpoint cannot serve.
    for (const [name, service] of Object.entries(services)) {
      const endpoint = this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: this.appSubnets,
        privateDnsEnabled: true,
        // Only the Plume Lambdas may use the endpoints (the default would admit the whole VPC).
        open: false,
      });
      endpoint.connections.allowDefaultPortFrom(this.lambdaSecurityGroup, 'Plume Lambdas');
    }
  }

  private hardenNatInstances(): void {
    for (const child of this.vpc.node.findAll()) {
      if (!(child instanceof ec2.CfnInstance)) continue;
      // Encrypt the root volume (the AMI's default is unencrypted).
      child.blockDeviceMappings = [
        { deviceName: '/dev/xvda', ebs: { encrypted: true, volumeType: 'gp3', deleteOnTermination: true } },
      ];
      NagSuppressions.addResourceSuppressions(child, [
        {
          id: 'AwsSolutions-EC28',
          reason:
            'Detailed monitoring costs more than the t4g.nano NAT instance itself; basic 5-minute metrics suffice for a NAT.',
        },
        {
          id: 'AwsSolutions-EC29',
          reason:
            'The NAT instance is disposable and recreated by CloudFormation; termination protection would block stack updates that replace it.',
        },
      ]);
    }
  }
}
