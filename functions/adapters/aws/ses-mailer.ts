import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailMessage, Mailer } from '../../core/ports';

export interface SesMailerConfig {
  from: string;
  configurationSetName?: string;
}

/** Email through SES v2 with simple (SES-built) content. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly config: SesMailerConfig,
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.config.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
            },
          },
        },
        ...(this.config.configurationSetName
          ? { ConfigurationSetName: this.config.configurationSetName }
          : {}),
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
    return { messageId: result.MessageId };
  }
}
