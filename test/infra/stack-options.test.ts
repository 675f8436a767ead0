import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { PlumeFunction } from '../../lib/plume-function';
import { synthesize } from './synth';
import { logicalIdOf, referencesIn, resourcesOf } from './template';

const envOf = (synth: ReturnType<typeof synthesize>, fn: PlumeFunction): Record<string, unknown> =>
  (
    resourcesOf(synth.template)[logicalIdOf(fn)]!.Properties!.Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;

describe('stack options', () => {
  it('egress defaults to one t4g.nano NAT instance with an encrypted root volume, and flow logs', () => {
    const { template } = synthesize();
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Instance', 1);
    template.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 't4g.nano',
      SourceDestCheck: false,
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: Match.objectLike({ Encrypted: true }) }],
      CreditSpecification: { CPUCredits: 'standard' },
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogDestinationType: 's3', TrafficType: 'ALL' });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
  });

  it('switches to NAT gateways (one, or one per AZ) with interface endpoints on demand', () => {
    synthesize({ natMode: 'gateway' }).template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const perAz = synthesize({ natMode: 'gateway-per-az', interfaceEndpoints: true }).template;
    perAz.resourceCountIs('AWS::EC2::NatGateway', 2);
    perAz.resourceCountIs('AWS::EC2::Instance', 0);
    perAz.resourceCountIs('AWS::EC2::VPCEndpoint', 2 + 6);
  });

  it('with every option on: no egress, endpoints, RDS Proxy, mail domain, alarm mail, custom domain, CORS', () => {
    const synth = synthesize({
      natMode: 'none',
      useRdsProxy: true,
      alarmEmail: 'ops@example.com',
      mailFromDomain: 'example.com',
      domainName: 'plume.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
      corsOrigins: 'https://app.example.com',
      deletionProtection: true,
      dbMaxCapacity: 8,
      llmProvider: 'bedrock',
    });
    const { template, stack } = synth;

    // No route to the internet at all; AWS APIs through endpoints only the Lambdas may use.
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Instance', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2 + 6);
    const endpoints = Object.values(resourcesOf(template)).filter((r) => r.Type === 'AWS::EC2::VPCEndpoint');
    const services = endpoints.map((e) => JSON.stringify(e.Properties?.ServiceName));
    for (const service of ['secretsmanager', 'kms', 'sqs', 'scheduler', 'email', 'bedrock-runtime']) {
      expect(
        services.some((s) => s.includes(`.${service}"`)),
        service,
      ).toBe(true);
    }
    // Interface endpoints admit the Lambda security group only, not the whole VPC.
    const lambdaSg = logicalIdOf(stack.network.lambdaSecurityGroup);
    for (const endpoint of endpoints.filter((e) => e.Properties?.VpcEndpointType === 'Interface')) {
      const [sgId] = [...referencesIn(endpoint.Properties?.SecurityGroupIds)];
      const sg = resourcesOf(template)[sgId!]!.Properties!;
      expect(JSON.stringify(sg.SecurityGroupIngress ?? [])).not.toContain('CidrIp');
      const ingress = Object.values(resourcesOf(template)).filter(
        (r) => r.Type === 'AWS::EC2::SecurityGroupIngress' && referencesIn(r.Properties?.GroupId).has(sgId!),
      );
      expect(ingress.map((i) => [...referencesIn(i.Properties?.SourceSecurityGroupId)])).toEqual([
        [lambdaSg],
      ]);
    }

    // RDS Proxy with end-to-end IAM; the app connects through it, the migration does not.
    template.hasResourceProperties('AWS::RDS::DBProxy', {
      EngineFamily: 'POSTGRESQL',
      RequireTLS: true,
      DefaultAuthScheme: 'IAM_AUTH',
    });
    const proxyId = logicalIdOf(stack.database.proxy!);
    expect([...referencesIn(envOf(synth, stack.areaFunctions.byArea.posts).DB_HOST)]).toEqual([proxyId]);
    // Named prepared statements would pin each Lambda to one proxied connection.
    expect(envOf(synth, stack.areaFunctions.byArea.posts).DB_PREPARED_STATEMENTS).toBe('false');
    expect([...referencesIn(envOf(synth, stack.migration.handler).DB_HOST)]).toEqual([
      logicalIdOf(stack.database.cluster),
    ]);
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      DeletionProtection: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 8 },
    });

    // Mail from the domain, alarms by email.
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
    expect(envOf(synth, stack.workers.background).MAIL_FROM).toBe('Plume <no-reply@example.com>');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });

    // The custom domain is the public URL and enforces TLS 1.2.
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['plume.example.com'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    expect(envOf(synth, stack.workers.publisher).PUBLIC_URL).toBe('https://plume.example.com');
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("connect-src 'self' wss://plume\\.example\\.com "),
          }),
        }),
      }),
    });

    // CORS on the API's own URL and on media uploads for the configured origin.
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://app.example.com'],
        AllowCredentials: true,
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ['https://plume.example.com', 'https://app.example.com'] }),
        ],
      },
    });
  });

  it('sends from a verified email address when no domain is given (SES mails it a link)', () => {
    const synth = synthesize({ mailFromAddress: 'ops@example.com' });
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'ops@example.com' });
    expect(envOf(synth, synth.stack.workers.background).MAIL_FROM).toBe('Plume <ops@example.com>');
    synth.template.hasOutput('*', { Value: 'ops@example.com' });
  });

  it('refuses to synthesize without a built dashboard', () => {
    expect(() => synthesize({ webAssetPath: '/nonexistent/web/dist' })).toThrow(/npm run build:web/);
  });
});
