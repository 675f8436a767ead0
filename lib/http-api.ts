import { Duration, NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { AREAS, ROUTES, type Area } from '../functions/shared/route-table';

export interface HttpApiProps {
  /** The Lambda serving each area of the route table. */
  handlers: Record<Area, lambda.IFunction>;
  /** Origins allowed to call the API's own URL from a browser (the dashboard goes through CloudFront and needs none). */
  corsOrigins: string[];
  logRetention: logs.RetentionDays;
}

/** HTTP API access log line (JSON), one per request. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integration.latency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The HTTP API: one route per route-table entry, each integrated with its area's Lambda
 * (payload 2.0). No API Gateway authorizer on purpose: authentication runs as handler
 * middleware so Lambda and the local runtime share one code path (DESIGN.md section 6).
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly routes: apigwv2.HttpRoute[];
  /**
   * The routes and their integrations live in a nested stack of their own: they are a third of
   * the stack's resources and grow with every route-table entry, and CloudFormation refuses a
   * template above 500 resources (test/infra/stack-size.test.ts keeps each one below 450).
   */
  readonly routesStack: NestedStack;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Plume HTTP API',
      createDefaultStage: false,
      corsPreflight:
        props.corsOrigins.length > 0
          ? {
              allowOrigins: props.corsOrigins,
              allowCredentials: true,
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-api-key'],
              allowMethods: [
                apigwv2.CorsHttpMethod.GET,
                apigwv2.CorsHttpMethod.POST,
                apigwv2.CorsHttpMethod.PUT,
                apigwv2.CorsHttpMethod.PATCH,
                apigwv2.CorsHttpMethod.DELETE,
              ],
              exposeHeaders: ['location', 'retry-after', 'x-request-id'],
              maxAge: Duration.hours(1),
            }
          : undefined,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Account-wide protection against floods; per-user limits are enforced in handlers.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // The API itself stays in the parent: CloudFront's origin needs its URL, and the Lambdas
    // need CloudFront's URL (PUBLIC_URL); with the API in the nested stack that would be a cycle.
    this.routesStack = new NestedStack(this, 'Routes', {
      description: 'Plume HTTP API routes and their Lambda integrations (one per route-table entry)',
    });

    // One integration per area, shared by its routes; one invoke permission per area Lambda
    // (not per route) keeps the Lambda resource policies small.
    const integrations = Object.fromEntries(
      AREAS.map((area) => [
        area,
        new HttpLambdaIntegration(`${area}-integration`, props.handlers[area], {
          scopePermissionToRoute: false,
        }),
      ]),
    ) as Record<Area, HttpLambdaIntegration>;

    this.routes = ROUTES.map(
      (route) =>
        new apigwv2.HttpRoute(this.routesStack, `Route-${route.name}`, {
          httpApi: this.api,
          routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
          integration: integrations[route.area],
        }),
    );
    NagSuppressions.addResourceSuppressions(this.routes, [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Authentication (JWT or API key) and the per-route role policy run as handler middleware, identical in Lambda and locally (DESIGN.md section 6); public routes are public by design.',
      },
    ]);
  }

  /** `https://<api>.execute-api.<region>.amazonaws.com`, the API's own URL (routes start with /api). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
