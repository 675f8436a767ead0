import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The stack's customer-managed KMS key ($1/month): envelope encryption of OAuth tokens and
 * integration secrets (KMS_KEY_ID), the media bucket, the database storage, the state table
 * and the alarm topic. Yearly rotation is on; old key material keeps decrypting.
 */
export class EncryptionKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Plume (${Stack.of(this).stackName}): tokens, media, database and state encryption`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      alias: `alias/${Stack.of(this).stackName}`,
      // Data encrypted under a deleted key is lost forever; keep it (and its 30-day pending window).
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
