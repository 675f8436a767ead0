import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** Who mail comes from: exactly one of the two (lib/stack-config.ts requires it). */
export type MailProps =
  { fromDomain: string; fromAddress?: undefined } | { fromAddress: string; fromDomain?: undefined };

/**
 * SES: a configuration set (reputation metrics, account-level bounce/complaint suppression)
 * and the sending identity SES requires before it accepts a sender: a domain identity with
 * Easy DKIM (its CNAMEs are stack outputs to publish in DNS), or an email address identity
 * (SES mails the address a link to click). Without one, every message would be refused.
 */
export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity: ses.EmailIdentity;
  /** The MAIL_FROM value: `Plume <no-reply@domain>` or `Plume <address>`. */
  readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    if (props.fromDomain !== undefined) {
      const domain = props.fromDomain;
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: ses.Identity.domain(domain),
        configurationSet: this.configurationSet,
      });
      this.fromAddress = `Plume <no-reply@${domain}>`;
      this.identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          description: `DKIM CNAME ${index + 1} to publish for ${domain}`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
    } else {
      const address = props.fromAddress;
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: ses.Identity.email(address),
        configurationSet: this.configurationSet,
      });
      this.fromAddress = `Plume <${address}>`;
      new CfnOutput(this, 'VerifySender', {
        description: 'SES mails this address a verification link; nothing is sent until it is clicked',
        value: address,
      });
    }
  }

  /**
   * `ses:SendEmail` on identities and this configuration set. Identities are a wildcard on
   * purpose: in the SES sandbox the call is also authorised against each recipient's identity.
   */
  grantSend(grantee: iam.IGrantable): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
  }
}
