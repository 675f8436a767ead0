import { SecretValue, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

/** The value the operator replaces after the first deploy; code should treat it as "not configured". */
export const PLACEHOLDER = 'REPLACE_ME';

/**
 * Application secrets ($0.40/month each). The JWT signing key is generated; the Anthropic
 * and Stripe keys are placeholders the operator fills after the first deploy (the stack
 * never overwrites them afterwards because their template value does not change).
 * Values are read at run time by ARN (JWT_SECRET_ARN...), never put in environment variables.
 */
export class AppSecrets extends Construct {
  /** Plain string: the HS256 signing key for access tokens. */
  readonly jwtSigningKey: secretsmanager.Secret;
  /** Plain string: an Anthropic API key (sk-ant-...). */
  readonly anthropicApiKey: secretsmanager.Secret;
  /** JSON `{"secretKey":"sk_...","webhookSecret":"whsec_..."}`. */
  readonly stripe: secretsmanager.Secret;
  /**
   * JSON with each social network's app credentials (functions/core/platform-apps.ts), e.g.
   * `{"twitter":{"clientId":"…"},"linkedin":{"clientId":"…","clientSecret":"…"}}`. Starts as
   * `{}`: Bluesky, Mastodon and the Sandbox need nothing; each other network is offered once its
   * entry is filled in.
   */
  readonly platformApps: secretsmanager.Secret;
  /**
   * JSON `{"current":"…","previous":""}`: CloudFront sends `current` to the HTTP API in the
   * x-plume-origin-verify header; the functions accept `current` and `previous`, so the value
   * can be rotated without refusing requests in between (README).
   */
  readonly originVerify: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;

    this.jwtSigningKey = new secretsmanager.Secret(this, 'JwtSigningKey', {
      description: `${stackName}: HMAC key that signs access tokens (generated)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    this.anthropicApiKey = new secretsmanager.Secret(this, 'AnthropicApiKey', {
      description: `${stackName}: Anthropic API key - replace ${PLACEHOLDER} with your key`,
      secretStringValue: SecretValue.unsafePlainText(PLACEHOLDER),
    });
    this.stripe = new secretsmanager.Secret(this, 'StripeKeys', {
      description: `${stackName}: Stripe secret key and webhook signing secret - replace the ${PLACEHOLDER} values`,
      secretObjectValue: {
        secretKey: SecretValue.unsafePlainText(PLACEHOLDER),
        webhookSecret: SecretValue.unsafePlainText(PLACEHOLDER),
      },
    });

    this.platformApps = new secretsmanager.Secret(this, 'PlatformApps', {
      description: `${stackName}: social network app credentials (JSON: {"twitter":{"clientId":"..."},...})`,
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });

    this.originVerify = new secretsmanager.Secret(this, 'OriginVerify', {
      description: `${stackName}: the header value CloudFront adds to API requests (rotate: see README)`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ previous: '' }),
        generateStringKey: 'current',
        passwordLength: 48,
        // Header-safe: letters and digits only.
        excludePunctuation: true,
        includeSpace: false,
      },
    });

    NagSuppressions.addResourceSuppressions(this.originVerify, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'CloudFront reads the value at deploy time, so rotation is two steps (new value with the old kept as previous, then a deploy with a new originVerifyGeneration), documented in the README.',
      },
    ]);
    NagSuppressions.addResourceSuppressions(this.jwtSigningKey, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotating the JWT key needs a two-key verification window in the auth code (planned with the identity milestone); until then a rotation would sign everyone out mid-session.',
      },
    ]);
    NagSuppressions.addResourceSuppressions(
      [this.anthropicApiKey, this.stripe, this.platformApps],
      [
        {
          id: 'AwsSolutions-SMG4',
          reason:
            'Third-party API keys are issued and rotated in the Anthropic / Stripe / social network developer consoles; Secrets Manager has no way to mint new ones.',
        },
      ],
    );
  }
}
