import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../functions/http/request-origin';
import { WS_STAGE_NAME } from './realtime-api';

/** Sent next to the origin-verify header: bumping it re-reads the secret (README, rotation). */
export const ORIGIN_GENERATION_HEADER = 'x-plume-origin-generation';

export interface DashboardProps {
  httpApi: apigwv2.IHttpApi;
  webSocketApi: apigwv2.IWebSocketApi;
  accessLogsBucket: s3.IBucket;
  /** Absolute path of the built dashboard (must contain index.html). */
  webAssetPath: string;
  version: string;
  /**
   * The origin-verify secret: CloudFront adds its `current` value to every API request, so the
   * functions can tell those from direct calls to the API's URL. `generation` is sent too: a
   * new one makes CloudFormation update the distribution and read the secret again (rotation).
   */
  originVerify: { secret: secretsmanager.ISecret; generation: number };
  /** Custom domain with its ACM certificate (us-east-1); both or neither. */
  domainName?: string;
  certificateArn?: string;
}

/**
 * Rewrites app routes (paths whose last segment has no dot) to /index.html so deep links
 * load the SPA. It runs on the S3 behaviour only: distribution-wide error pages would also
 * rewrite the API's own 403/404 answers (DESIGN.md section 1).
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * Content-Security-Policy of the dashboard. connect-src allows *.amazonaws.com for browser
 * uploads straight to the media bucket (presigned POST); naming the bucket exactly would make
 * the bucket's CORS (which names this distribution) and this policy depend on each other.
 * The WebSocket host is listed explicitly because older browsers do not let 'self' cover
 * wss:; without a custom domain it can only be the CloudFront wildcard, for the same reason.
 * 'unsafe-inline' is for styles only, which component libraries commonly inject.
 */
export function dashboardCsp(domainName?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' wss://${domainName ?? '*.cloudfront.net'} https://*.amazonaws.com`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The single browser origin: CloudFront serves the dashboard from a private bucket (Origin
 * Access Control), `/api/*` from the HTTP API (no caching, viewer headers and cookies
 * forwarded) and `/ws` from the WebSocket API, so cookies stay first-party and the dashboard
 * needs no CORS.
 */
export class Dashboard extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly spaFallback: cloudfront.Function;
  /** `https://<domain>`: the custom domain when configured, else the CloudFront domain. */
  readonly publicUrl: string;
  readonly publicHost: string;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 's3/web/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Serve index.html for app routes (extension-less paths)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
    });

    const strictTransportSecurity = {
      accessControlMaxAge: Duration.days(730),
      includeSubdomains: true,
      override: true,
    };
    const dashboardHeaders = new cloudfront.ResponseHeadersPolicy(this, 'DashboardHeaders', {
      comment: 'Plume dashboard security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: dashboardCsp(props.domainName), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity,
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });
    // API answers keep their own CSP (the HTML API reference sets one); the rest is enforced.
    const apiHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Plume API security headers',
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: false },
        strictTransportSecurity,
      },
    });

    const apiOrigin = new origins.HttpOrigin(executeApiDomain(props.httpApi.apiEndpoint), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // API Gateway's own integration limit is 30 s.
      readTimeout: Duration.seconds(30),
      // A dynamic reference: CloudFormation reads the secret at deploy time; it is never in the template.
      customHeaders: {
        [ORIGIN_VERIFY_HEADER]: props.originVerify.secret.secretValueFromJson('current').unsafeUnwrap(),
        [ORIGIN_GENERATION_HEADER]: String(props.originVerify.generation),
      },
    });
    const webSocketOrigin = new origins.HttpOrigin(executeApiDomain(props.webSocketApi.apiEndpoint), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    const customDomain =
      props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Plume dashboard, API and live updates',
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'cloudfront/',
      ...customDomain,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: dashboardHeaders,
        compress: true,
        functionAssociations: [
          { function: this.spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Host must not be forwarded: API Gateway routes on its own host name.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
        [`/${WS_STAGE_NAME}`]: {
          origin: webSocketOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Forwards the Sec-WebSocket-* headers and the ?ticket= query string.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    this.publicHost = props.domainName ?? this.distribution.distributionDomainName;
    this.publicUrl = `https://${this.publicHost}`;

    const site = s3deploy.Source.asset(props.webAssetPath);
    // Hashed assets: cached for a year, and never pruned so tabs still running the previous
    // build can lazy-load their chunks after a deploy.
    new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [site],
      destinationBucket: this.bucket,
      exclude: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
      outputObjectKeys: false,
    });
    // The shell and its runtime configuration: always revalidated, invalidated on deploy.
    new s3deploy.BucketDeployment(this, 'DeployShell', {
      sources: [
        site,
        s3deploy.Source.jsonData('config.json', {
          apiUrl: '/api',
          wsUrl: `wss://${this.publicHost}/${WS_STAGE_NAME}`,
          region: Aws.REGION,
          version: props.version,
        }),
      ],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
      outputObjectKeys: false,
    });

    NagSuppressions.addResourceSuppressions(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Plume serves its users wherever they are; geo restriction is an operator policy, not a product default.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'AWS WAF costs at least ~$6/month idle; the API enforces per-user/key/IP rate limits and account lockout itself. Operators can attach a web ACL.',
      },
      ...(props.domainName
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain CloudFront uses its *.cloudfront.net certificate, whose minimum protocol cannot be raised; set domainName + certificateArn to enforce TLSv1.2_2021.',
            },
          ]),
    ]);
  }
}

/** `abc123.execute-api.eu-west-1.amazonaws.com` from `https://abc123.execute-api...` or `wss://...`. */
function executeApiDomain(endpoint: string): string {
  return Fn.select(2, Fn.split('/', endpoint));
}
