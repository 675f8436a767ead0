import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

/**
 * The stage name doubles as the browser path: CloudFront forwards `/ws` unchanged to the
 * API's domain, where `/ws` selects this stage. No origin path or rewrite is needed.
 */
export const WS_STAGE_NAME = 'ws';

export interface RealtimeApiProps {
  /** REQUEST authorizer on $connect; checks the single-use `?ticket=` from POST /api/auth/ws-ticket. */
  authorizer: lambda.IFunction;
  connect: lambda.IFunction;
  disconnect: lambda.IFunction;
  default: lambda.IFunction;
}

/** API Gateway WebSocket API that pushes live updates to the dashboard. */
export class RealtimeApi extends Construct {
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;

  constructor(scope: Construct, id: string, props: RealtimeApiProps) {
    super(scope, id);
    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      description: 'Plume live updates',
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('ConnectIntegration', props.connect),
        authorizer: new WebSocketLambdaAuthorizer('TicketAuthorizer', props.authorizer, {
          // API Gateway refuses a connect without the parameter before invoking anything.
          identitySource: ['route.request.querystring.ticket'],
        }),
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration('DisconnectIntegration', props.disconnect),
      },
      defaultRouteOptions: {
        integration: new WebSocketLambdaIntegration('DefaultIntegration', props.default),
      },
    });
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: WS_STAGE_NAME,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    NagSuppressions.addResourceSuppressions(this.stage, [
      {
        id: 'AwsSolutions-APIG1',
        reason:
          'WebSocket access logs need the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account), a singleton this stack must not take over in a customer account; every route and the authorizer log to their own Lambda log groups.',
      },
    ]);
    NagSuppressions.addResourceSuppressions(
      this.api,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'API Gateway only runs WebSocket authorizers on $connect (which has the ticket authorizer); $disconnect and $default belong to an already authorised connection.',
        },
      ],
      true,
    );
  }

  /** `wss://<api>.execute-api.<region>.amazonaws.com/ws`, the API's own URL. */
  get url(): string {
    return this.stage.url;
  }
}
