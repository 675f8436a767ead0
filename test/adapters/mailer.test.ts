import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/aws/ses-mailer';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { OutboxMailer, readOutbox } from '../../functions/adapters/local/outbox-mailer';
import { RandomIds } from '../../functions/adapters/local/random-ids';
import { captureLogger } from '../support/logger';
import { describeMailerContract } from './contracts/mailer-contract';

const FROM = 'Plume <no-reply@example.com>';
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plume-outbox-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let dirCount = 0;
function outboxHarness() {
  const dataDir = join(root, String((dirCount += 1)));
  const logger = captureLogger();
  const mailer = new OutboxMailer({
    dataDir,
    from: FROM,
    clock: new ManualClock(),
    ids: new RandomIds(),
    logger,
  });
  return {
    mailer,
    logger,
    dataDir,
    sent: async () => (await readOutbox(dataDir)).map(({ sentAt: _sentAt, ...message }) => message),
  };
}

function sesHarness(configurationSetName?: string) {
  const client = new SESv2Client({ region: 'us-east-1' });
  const mock = mockClient(client);
  let count = 0;
  mock.on(SendEmailCommand).callsFake(() => ({ MessageId: `ses-${(count += 1)}` }));
  const mailer = new SesMailer(client, {
    from: FROM,
    ...(configurationSetName ? { configurationSetName } : {}),
  });
  return {
    mailer,
    mock,
    // What SES was asked to send, read back from the exact commands.
    sent: async () =>
      Promise.all(
        mock.commandCalls(SendEmailCommand).map(async (call) => {
          const input = call.args[0].input;
          const simple = input.Content?.Simple;
          const html = simple?.Body?.Html?.Data;
          return {
            messageId: (await call.returnValue).MessageId ?? '',
            from: input.FromEmailAddress ?? '',
            to: input.Destination?.ToAddresses?.[0] ?? '',
            subject: simple?.Subject?.Data ?? '',
            text: simple?.Body?.Text?.Data ?? '',
            ...(html ? { html } : {}),
          };
        }),
      ),
  };
}

describeMailerContract('OutboxMailer', outboxHarness);
describeMailerContract('SesMailer', () => sesHarness());

describe('SesMailer and SES', () => {
  it('sends simple UTF-8 content with the configuration set', async () => {
    const { mailer, mock } = sesHarness('plume-events');
    await mailer.send({ to: 'ada@example.com', subject: 'Grüße', text: 'Hallo' });
    expect(mock.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ['ada@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Grüße', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Hallo', Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'plume-events',
    });
  });
});

describe('OutboxMailer', () => {
  it('logs the links in the message so a developer can click them', async () => {
    const { mailer, logger } = outboxHarness();
    await mailer.send({
      to: 'ada@example.com',
      subject: 'Verify',
      text: 'Go to https://localhost:3000/verify?token=a1 or (https://localhost:3000/help).',
    });
    const [entry] = logger.entries;
    expect(entry?.message).toBe('Mail to ada@example.com: Verify');
    expect(entry?.extra[0]).toMatchObject({
      links: ['https://localhost:3000/verify?token=a1', 'https://localhost:3000/help'],
    });
  });

  it('reads the outbox for one recipient, in sending order, and an empty outbox as none', async () => {
    const { mailer, dataDir } = outboxHarness();
    expect(await readOutbox(dataDir)).toEqual([]);
    for (const subject of ['1', '2', '3']) await mailer.send({ to: 'ada@example.com', subject, text: '' });
    await mailer.send({ to: 'bob@example.com', subject: 'x', text: '' });
    expect((await readOutbox(dataDir, 'ADA@example.com')).map((m) => m.subject)).toEqual(['1', '2', '3']);
  });
});
