import * as z from 'zod';
import type { Billing, BillingEvent, Clock, Ids, Secrets } from '../../core/ports';
import { signStripePayload, verifyStripeSignature } from './stripe-signature';
import { readToken, signToken } from './signed-token';

export const LOCAL_CHECKOUT_PATH = '/_local/billing/checkout';
const CHECKOUT_TTL_SECONDS = 24 * 60 * 60;

const checkoutTokenSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  customerEmail: z.string(),
  priceId: z.string(),
  successUrl: z.string(),
  expiresAt: z.number(),
});

/** What the local server does when the checkout link is opened. */
export interface LocalCheckoutCompletion {
  /** A Stripe-shaped `checkout.session.completed` event and its signature, to POST to the webhook route. */
  rawBody: string;
  signatureHeader: string;
  /** Where to send the browser afterwards (the session's success URL). */
  redirectUrl: string;
}

/**
 * Billing without Stripe. Checkout returns a local link; opening it (the local server calls
 * `completeCheckout`) produces the same signed `checkout.session.completed` event Stripe
 * would send, which goes through the ordinary webhook route, so the plan is marked paid by
 * the same code as in production. Signatures use Stripe's scheme with a local secret.
 */
export class LocalBilling implements Billing {
  constructor(
    private readonly options: {
      publicUrl: string;
      secrets: Secrets;
      clock: Clock;
      ids: Ids;
      /** Signs checkout links so they cannot be forged to upgrade another organization. */
      tokenKey: Buffer;
    },
  ) {}

  async createCheckoutSession(input: {
    organizationId: string;
    customerEmail: string;
    priceId: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ url: string; id: string }> {
    const id = `cs_local_${this.compactId()}`;
    const token = signToken(
      {
        id,
        organizationId: input.organizationId,
        customerEmail: input.customerEmail,
        priceId: input.priceId,
        successUrl: input.successUrl,
        expiresAt: this.nowSeconds() + CHECKOUT_TTL_SECONDS,
      },
      this.options.tokenKey,
    );
    const url = new URL(LOCAL_CHECKOUT_PATH, this.options.publicUrl);
    url.searchParams.set('token', token);
    return { url: url.toString(), id };
  }

  /** There is no hosted portal locally: the user goes straight back. */
  async createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }> {
    return { url: input.returnUrl };
  }

  async verifyWebhook(rawBody: string, signatureHeader: string | undefined): Promise<BillingEvent> {
    const secret = await this.options.secrets.get('stripe-webhook-secret');
    verifyStripeSignature(rawBody, signatureHeader, secret, this.options.clock.now());
    const event = z
      .object({
        id: z.string(),
        type: z.string(),
        created: z.number(),
        data: z.record(z.string(), z.unknown()),
      })
      .parse(JSON.parse(rawBody));
    return { id: event.id, type: event.type, data: event.data, createdAt: new Date(event.created * 1000) };
  }

  /** Turns an opened checkout link into the signed event Stripe would have sent. */
  async completeCheckout(token: string): Promise<LocalCheckoutCompletion> {
    const parsed = checkoutTokenSchema.safeParse(readToken(token, this.options.tokenKey));
    if (!parsed.success) throw new Error('Invalid checkout link');
    const session = parsed.data;
    const now = this.nowSeconds();
    if (session.expiresAt <= now) throw new Error('This checkout link has expired');
    const customer = `cus_local_${session.organizationId.replace(/-/g, '')}`;
    const event = {
      id: `evt_local_${this.compactId()}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: now,
      livemode: false,
      data: {
        object: {
          id: session.id,
          object: 'checkout.session',
          mode: 'subscription',
          status: 'complete',
          payment_status: 'paid',
          client_reference_id: session.organizationId,
          customer,
          customer_email: session.customerEmail,
          subscription: `sub_local_${this.compactId()}`,
          metadata: { organizationId: session.organizationId, priceId: session.priceId },
        },
      },
    };
    const rawBody = JSON.stringify(event);
    const secret = await this.options.secrets.get('stripe-webhook-secret');
    return {
      rawBody,
      signatureHeader: signStripePayload(rawBody, secret, now),
      redirectUrl: session.successUrl,
    };
  }

  private compactId(): string {
    return this.options.ids.uuid().replace(/-/g, '');
  }

  private nowSeconds(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000);
  }
}
