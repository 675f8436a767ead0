import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The stack's two customer-managed KMS keys ($1/month each), yearly rotation on (old key
 * material keeps decrypting), retained on delete (data under a deleted key is lost forever).
 *
 * - `key`: storage at rest, the state table, media bucket, database storage and alarm topic.
 *   Every function that reads the table must be able to decrypt with it (28 roles).
 * - `envelopeKey`: the application's envelope encryption of OAuth tokens and integration
 *   secrets (KMS_KEY_ID). A key of its own, so that only the functions granted the `crypto`
 *   capability can unwrap a token: sharing the storage key would let every table reader do it.
 */
export class EncryptionKey extends Construct {
  readonly key: kms.Key;
  readonly envelopeKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    this.key = new kms.Key(this, 'Key', {
      description: `Plume (${stackName}): media, database, state table and alarm topic encryption`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      alias: `alias/${stackName}`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.envelopeKey = new kms.Key(this, 'EnvelopeKey', {
      description: `Plume (${stackName}): envelope encryption of OAuth tokens and integration secrets`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      alias: `alias/${stackName}-envelope`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
