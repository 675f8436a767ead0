import { Duration, Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { deadLetterQueueName, queueName } from './stack-name';
import { QUEUE_NAMES, type QueueName } from '../functions/core/ports/job-queue';
import { QUEUE_SETTINGS, visibilityTimeoutFor } from './queue-settings';

export interface PlumeQueue {
  name: QueueName;
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
}

/**
 * Every SQS queue Plume owns (publish, jobs, one per agent), each with its own DLQ.
 * Physical names are `<stack>-<name>` so a queue ARN ends with the logical queue name
 * and operators recognise them in the console.
 */
export class Queues extends Construct {
  readonly byName: Record<QueueName, PlumeQueue>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    const entries = QUEUE_NAMES.map((name): [QueueName, PlumeQueue] => {
      const settings = QUEUE_SETTINGS[name];
      const deadLetterQueue = new sqs.Queue(this, `${name}-dlq`, {
        queueName: deadLetterQueueName(stackName, name),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      NagSuppressions.addResourceSuppressions(deadLetterQueue, [
        {
          id: 'AwsSolutions-SQS3',
          reason: 'This queue is itself a dead-letter queue; it has nowhere further to redrive to.',
        },
      ]);
      const queue = new sqs.Queue(this, name, {
        queueName: queueName(stackName, name),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: visibilityTimeoutFor(settings),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: settings.maxReceiveCount },
      });
      return [name, { name, queue, deadLetterQueue }];
    });
    this.byName = Object.fromEntries(entries) as Record<QueueName, PlumeQueue>;
  }

  get all(): PlumeQueue[] {
    return QUEUE_NAMES.map((name) => this.byName[name]);
  }

  /** `{"publish":"https://sqs…", …}` as the QUEUE_URLS environment variable expects. */
  urlsJson(): string {
    return Stack.of(this).toJsonString(
      Object.fromEntries(this.all.map(({ name, queue }) => [name, queue.queueUrl])),
    );
  }

  grantSendToAll(grantee: iam.IGrantable): void {
    for (const { queue } of this.all) queue.grantSendMessages(grantee);
  }
}
