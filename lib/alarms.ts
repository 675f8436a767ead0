import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { PlumeQueue } from './queues';

export interface AlarmsProps {
  key: kms.IKey;
  alarmEmail?: string;
  deadLetterQueues: PlumeQueue[];
  httpApi: apigwv2.IHttpApi;
  publisher: lambda.IFunction;
}

/**
 * What must wake someone up: any message in any DLQ (a job gave up), API 5xx answers, and
 * publisher errors (posts not going out). Every alarm notifies one SNS topic; an email
 * subscription is optional. Standard alarms cost $0.10/month each.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Plume alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    // CloudWatch must be able to publish to the encrypted topic.
    props.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    for (const { name, deadLetterQueue } of props.deadLetterQueues) {
      this.add(
        new cloudwatch.Alarm(this, `DeadLetters-${name}`, {
          alarmDescription: `Messages gave up on the ${name} queue and wait in its dead-letter queue`,
          metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: cloudwatch.Stats.MAXIMUM,
          }),
          threshold: 0,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    this.add(
      new cloudwatch.Alarm(this, 'HttpApi5xx', {
        alarmDescription: 'The HTTP API answered 5xx (handler crash, timeout or throttled integration)',
        metric: props.httpApi.metricServerError({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.SUM,
        }),
        // A single cold-start timeout while Aurora resumes should not page anyone.
        threshold: 5,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    this.add(
      new cloudwatch.Alarm(this, 'PublisherErrors', {
        alarmDescription: 'The publish worker failed (posts may be late or stuck)',
        metric: props.publisher.metricErrors({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.SUM,
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private add(alarm: cloudwatch.Alarm): void {
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
