import { describe, expect, it } from 'vitest';
import type { MailMessage, Mailer } from '../../../functions/core/ports';

/** What a Mailer under test exposes: the adapter and what actually went out. */
export interface MailerHarness {
  mailer: Mailer;
  sent(): Promise<(MailMessage & { from: string; messageId: string })[]>;
}

export function describeMailerContract(
  name: string,
  create: () => Promise<MailerHarness> | MailerHarness,
): void {
  describe(`Mailer contract: ${name}`, () => {
    it('sends text and optional HTML from the configured sender and returns its id', async () => {
      const harness = await create();
      const first = await harness.mailer.send({
        to: 'ada@example.com',
        subject: 'Verify your email',
        text: 'Open https://app.example.com/verify?token=abc to verify.',
        html: '<p><a href="https://app.example.com/verify?token=abc">Verify</a></p>',
      });
      const second = await harness.mailer.send({ to: 'bob@example.com', subject: 'Hi', text: 'Plain only' });
      expect(first.messageId).toBeTruthy();
      expect(second.messageId).not.toBe(first.messageId);
      expect(await harness.sent()).toEqual([
        {
          messageId: first.messageId,
          from: 'Plume <no-reply@example.com>',
          to: 'ada@example.com',
          subject: 'Verify your email',
          text: 'Open https://app.example.com/verify?token=abc to verify.',
          html: '<p><a href="https://app.example.com/verify?token=abc">Verify</a></p>',
        },
        {
          messageId: second.messageId,
          from: 'Plume <no-reply@example.com>',
          to: 'bob@example.com',
          subject: 'Hi',
          text: 'Plain only',
        },
      ]);
    });
  });
}
