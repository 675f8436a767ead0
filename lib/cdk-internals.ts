import type { Stack } from 'aws-cdk-lib';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Findings on the helper Lambdas aws-cdk-lib itself adds as stack-level singletons (not code
 * Plume writes or can configure): the BucketDeployment handler that copies the dashboard to
 * S3, and the LogRetention handler that sets Aurora's exported log retention. Matched by
 * the singleton id prefix so a CDK upgrade that changes the hash suffix keeps working.
 */
const INTERNALS: Array<{ idPrefix: string; suppressions: NagPackSuppression[] }> = [
  {
    idPrefix: 'Custom::CDKBucketDeployment',
    suppressions: [
      {
        id: 'AwsSolutions-L1',
        reason:
          'aws-cdk-lib pins the Python runtime of its BucketDeployment handler; it only runs during deployments.',
      },
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'aws-cdk-lib gives its BucketDeployment handler AWSLambdaBasicExecutionRole for its logs; the role is not configurable per statement.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'BucketDeployment copies from the CDK asset bucket into the dashboard bucket (object wildcards within those two buckets) and creates CloudFront invalidations, which have no resource-level permission.',
        appliesTo: [
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:DeleteObject*',
          'Action::s3:Abort*',
          'Resource::*',
          {
            regex:
              '/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-<AWS::Region>\\/\\*$/',
          },
          { regex: '/^Resource::<DashboardBucket[0-9A-F]+\\.Arn>\\/\\*$/' },
        ],
      },
    ],
  },
  {
    idPrefix: 'LogRetention',
    suppressions: [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'aws-cdk-lib gives its LogRetention handler AWSLambdaBasicExecutionRole; it only sets the retention of the Aurora log group at deploy time.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The LogRetention handler must act on log groups whose names RDS creates (/aws/rds/cluster/<id>/postgresql); aws-cdk-lib grants it on all log groups.',
        appliesTo: ['Resource::*'],
      },
    ],
  },
];

export function suppressCdkInternals(stack: Stack): void {
  for (const child of stack.node.children as IConstruct[]) {
    const match = INTERNALS.find(({ idPrefix }) => child.node.id.startsWith(idPrefix));
    if (match) NagSuppressions.addResourceSuppressions(child, match.suppressions, true);
  }
}
