import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EXPORT_FILE_DAYS } from '../functions/shared/analytics/export-retention';

export interface MediaStorageProps {
  key: kms.IKey;
  accessLogsBucket: s3.IBucket;
}

/** Key prefixes with a lifecycle; the media adapter writes under them. */
export const MEDIA_PREFIXES = { exports: 'exports/' } as const;

/**
 * Media, exports and reports. Browsers upload directly with presigned POST (never through
 * Lambda); downloads use short-lived presigned GET URLs. No versioning on purpose: deleting
 * media or erasing an account (GDPR) must really delete the bytes.
 */
export class MediaStorage extends Construct {
  readonly bucket: s3.Bucket;
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: MediaStorageProps) {
    super(scope, id);
    this.key = props.key;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      // One KMS call per object-key batch instead of per request: keeps KMS cost negligible.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 's3/media/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Export archives (GDPR) and analytics exports: fetched through links that expire well
        // before this; the reports list shows an analytics export's end.
        { id: 'expire-exports', prefix: MEDIA_PREFIXES.exports, expiration: Duration.days(EXPORT_FILE_DAYS) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Lets pages from these origins upload straight to the bucket (presigned POST) and read
   * the answer. Added after construction because the dashboard's URL comes from CloudFront.
   */
  allowBrowserUploadsFrom(origins: string[]): void {
    this.bucket.addCorsRule({
      allowedOrigins: origins,
      allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag', 'Location'],
      maxAge: 3600,
    });
  }

  /**
   * Object read/write/delete (also what presigned POST/GET URLs need, since they act with
   * the signer's permissions), ListBucket so a missing key answers 404 rather than 403, and
   * the KMS data-key use that SSE-KMS objects require.
   */
  grantReadWrite(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
    this.key.grant(grantee, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
}
