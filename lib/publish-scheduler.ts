import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { scheduleGroupName } from './stack-name';

export interface PublishSchedulerProps {
  publishQueue: sqs.IQueue;
}

/**
 * EventBridge Scheduler side of publishing: the schedule group holding one one-time schedule
 * per post target, and the role Scheduler assumes to drop `{targetId, version}` on the publish
 * queue. The application creates the schedules at run time (adapters/aws/eventbridge-post-scheduler).
 */
export class PublishScheduler extends Construct {
  readonly group: scheduler.CfnScheduleGroup;
  readonly groupName: string;
  readonly role: iam.Role;
  readonly publishQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: PublishSchedulerProps) {
    super(scope, id);
    this.publishQueue = props.publishQueue;
    this.groupName = scheduleGroupName(Stack.of(this).stackName);
    this.group = new scheduler.CfnScheduleGroup(this, 'Group', { name: this.groupName });

    this.role = new iam.Role(this, 'Role', {
      description: 'Assumed by EventBridge Scheduler to deliver due post targets to the publish queue',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        // Confused-deputy guard: only Scheduler acting for this account may assume the role.
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    props.publishQueue.grantSendMessages(this.role);
  }

  /** `arn:…:schedule/<group>/*`: every schedule in the group. */
  scheduleArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.groupName}/*`,
    });
  }

  /** Create, update and delete schedules in the group, and pass the delivery role to Scheduler. */
  grantManageSchedules(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.scheduleArnPattern()],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }
}
