import Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { Billing } from '../../../functions/core/ports';

/**
 * Webhook verification contract. Headers are made with Stripe's own test signer, so both
 * adapters are held to what real Stripe deliveries look like.
 */
export function describeBillingWebhookContract(
  name: string,
  create: (clock: ManualClock, webhookSecret: string) => Promise<Billing> | Billing,
): void {
  describe(`Billing webhook contract: ${name}`, () => {
    const secret = 'whsec_contract_secret';
    const event = {
      id: 'evt_1',
      object: 'event',
      type: 'customer.subscription.updated',
      created: 1_748_779_200,
      data: { object: { id: 'sub_1', status: 'active', metadata: { organizationId: 'org-1' } } },
    };
    const body = JSON.stringify(event);
    let clock: ManualClock;
    let billing: Billing;
    const nowSeconds = (): number => Math.floor(clock.now().getTime() / 1000);
    const sign = (options: { timestamp?: number; secret?: string; payload?: string } = {}): string =>
      Stripe.webhooks.generateTestHeaderString({
        payload: options.payload ?? body,
        secret: options.secret ?? secret,
        timestamp: options.timestamp ?? nowSeconds(),
      });

    beforeEach(async () => {
      clock = new ManualClock('2025-06-01T12:00:00.000Z');
      billing = await create(clock, secret);
    });

    it('accepts a genuine event and returns it', async () => {
      expect(await billing.verifyWebhook(body, sign())).toEqual({
        id: 'evt_1',
        type: 'customer.subscription.updated',
        data: event.data,
        createdAt: new Date(1_748_779_200_000),
      });
    });

    it('refuses a wrong secret, a changed body, and a missing or empty header', async () => {
      await expect(billing.verifyWebhook(body, sign({ secret: 'whsec_other' }))).rejects.toThrow();
      await expect(billing.verifyWebhook(body.replace('active', 'canceled'), sign())).rejects.toThrow();
      await expect(billing.verifyWebhook(body, undefined)).rejects.toThrow();
      await expect(billing.verifyWebhook(body, '')).rejects.toThrow();
      await expect(billing.verifyWebhook(body, `t=${nowSeconds()}`)).rejects.toThrow();
    });

    it('accepts a signature up to 300 seconds old and refuses an older one (replay)', async () => {
      const header = sign({ timestamp: nowSeconds() - 300 });
      await expect(billing.verifyWebhook(body, header)).resolves.toMatchObject({ id: 'evt_1' });
      clock.advance(1_000);
      await expect(billing.verifyWebhook(body, header)).rejects.toThrow(/tolerance/i);
    });

    it('accepts a header with several v1 signatures when one matches (secret rotation)', async () => {
      const genuine = sign();
      const stale = sign({ secret: 'whsec_old' });
      const header = `${stale},v1=${genuine.split('v1=')[1]}`;
      expect(header.match(/v1=/g)).toHaveLength(2);
      await expect(billing.verifyWebhook(body, header)).resolves.toMatchObject({ id: 'evt_1' });
      await expect(billing.verifyWebhook(body, `${stale},v0=${genuine.split('v1=')[1]}`)).rejects.toThrow();
    });
  });
}
